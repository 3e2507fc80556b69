using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EndToEnd.Tests.Sync;

/// <summary>Staff writes in the monolith reach Catalog.Service's own database over the embedded transport.</summary>
[Collection(MigrationSystemCollection.Name)]
public sealed class CatalogSyncTests(MigrationSystem system, ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_create_an_edit_a_price_change_and_a_delete_each_reach_the_service_within_a_second()
    {
        await system.EnsureBackfilledAsync();
        using var staff = new StoreSession(system.PublicUrl);
        using (var signIn = await staff.SignInAsync("staff@example.com", "Staff-Passw0rd!"))
        {
            Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        }
        using var service = new HttpClient { BaseAddress = new Uri(system.CatalogUrl) };

        var (created, createLag) = await TimedAsync(
            () => staff.Client.PostAsJsonAsync("/api/products", new { name = "Sync Lamp", description = "Bright.", price = 19.99m, categoryId = 2 }),
            service, response => $"/api/products/{ProductId(response)}", body => body.Contains("\"Sync Lamp\""));
        var path = $"/api/products/{ProductId(created)}";
        var (_, editLag) = await TimedAsync(
            () => staff.Client.PutAsJsonAsync(path, new { name = "Sync Lamp II", description = "Brighter.", price = 19.99m, categoryId = 2 }),
            service, _ => path, body => body.Contains("\"Sync Lamp II\""));
        var (_, priceLag) = await TimedAsync(
            () => staff.Client.PutAsJsonAsync(path + "/price", new { price = 23.45m }),
            service, _ => path, body => body.Contains("23.45"));
        var (_, deleteLag) = await TimedAsync(() => staff.Client.DeleteAsync(path), service, _ => path, body => body == "404");

        output.WriteLine($"create {createLag.TotalMilliseconds:F0} ms, edit {editLag.TotalMilliseconds:F0} ms, " +
            $"price {priceLag.TotalMilliseconds:F0} ms, delete {deleteLag.TotalMilliseconds:F0} ms");
        Assert.All([createLag, editLag, priceLag, deleteLag], lag => Assert.True(lag < Bound, $"an event took {lag.TotalMilliseconds} ms"));
    }

    /// <summary>Writes through the monolith, then polls the service until <paramref name="arrived"/> holds.</summary>
    private async Task<(HttpResponseMessage Write, TimeSpan Lag)> TimedAsync(
        Func<Task<HttpResponseMessage>> write, HttpClient service, Func<HttpResponseMessage, string> path, Func<string, bool> arrived)
    {
        var clock = Stopwatch.StartNew();
        var response = await write();
        Assert.True(response.IsSuccessStatusCode, $"the write answered {(int)response.StatusCode}");
        var target = path(response);
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            using var read = await service.GetAsync(target);
            var body = read.StatusCode == HttpStatusCode.NotFound ? "404" : await read.Content.ReadAsStringAsync();
            if (arrived(body))
            {
                return (response, clock.Elapsed);
            }
            await Task.Delay(10);
        }
        throw new Xunit.Sdk.XunitException($"{target} never showed the change on Catalog.Service\n{system.Diagnostics()}");
    }

    private static int ProductId(HttpResponseMessage created) => int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
}
