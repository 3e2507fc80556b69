using System.Net;
using System.Net.Http.Json;
using Legacy.Store.Contracts;
using Legacy.Store.Data;
using Legacy.Store.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Legacy.Store.Tests.Data;

public sealed class StartupTests
{
    [Fact]
    public async Task An_empty_database_is_migrated_and_seeded_and_a_restart_keeps_data_and_sign_ins()
    {
        var folder = Directory.CreateTempSubdirectory("legacy-store-startup-").FullName;
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Store"] = $"Data Source={Path.Combine(folder, "db", "store.db")}" };
        string cookie;
        await using (var first = new StoreFactory { UseTemplate = false })
        {
            foreach (var (k, v) in settings) first.Settings[k] = v;
            using var staff = first.CreateStoreClient();
            using var list = await staff.Http.GetAsync("/api/products");
            Assert.Equal("1000", Assert.Single(list.Headers.GetValues("X-Total-Count")));
            Assert.True(File.Exists(Path.Combine(folder, "db", "store.db")));

            using var signIn = await staff.SignInAsync("staff@example.com", "Staff-Passw0rd!");
            cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".Store.Auth=", StringComparison.Ordinal)).Split(';')[0];
            using var change = await staff.Http.PutAsJsonAsync("/api/products/1/price", new { price = 1.23m });
            Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        }
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder, "db", "keys")));

        await using var second = new StoreFactory { UseTemplate = false };
        foreach (var (k, v) in settings) second.Settings[k] = v;
        using var client = second.CreateClient();
        var product = await client.GetFromJsonAsync<ProductDto>("/api/products/1");
        Assert.Equal(1.23m, product!.Price);

        // The cookie issued before the restart still signs the staff member in: the keys were persisted.
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/products/1/price") { Content = JsonContent.Create(new { price = 2m }) };
        request.Headers.Add("Cookie", cookie);
        using var again = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
    }

    [Fact]
    public async Task An_unknown_provider_stops_the_app_with_a_precise_message()
    {
        await using var factory = new StoreFactory { UseTemplate = false };
        factory.Settings["Database:Provider"] = "Oracle";

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());
        Assert.Contains("Database:Provider must be \"Sqlite\"", error.Message);
    }

    [Fact]
    public void A_relative_data_source_is_resolved_against_the_content_root_and_its_folder_created()
    {
        var root = Directory.CreateTempSubdirectory("legacy-store-root-").FullName;

        var resolved = StoreDatabaseLocation.Resolve(Migration.Messaging.Storage.DatabaseProvider.Sqlite, "Data Source=.data/x.db", root, out var directory);

        Assert.Equal($"Data Source={Path.Combine(root, ".data", "x.db")}", resolved);
        Assert.Equal(Path.Combine(root, ".data"), directory);
        Assert.True(Directory.Exists(directory));
    }
}
