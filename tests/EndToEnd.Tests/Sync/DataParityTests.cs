using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EndToEnd.Tests.Delivery;
using EndToEnd.Tests.Infrastructure;
using Migration.Facade.Contracts;

namespace EndToEnd.Tests.Sync;

[Collection(DataSystemCollection.Name)]
public sealed class DataParityTests(DataSystem system)
{
    [Fact]
    public async Task A_backfill_during_writes_verifies_clean_a_planted_mismatch_is_named_and_blocks_the_flip_until_repaired()
    {
        var env = system.CliEnvironment(system.OperatorToken);
        using var staff = new StoreSession(system.LegacyUrl);
        using (var signIn = await staff.SignInAsync("staff@example.com", "Staff-Passw0rd!"))
        {
            Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        }

        // The monolith keeps taking writes while the backfill copies: prices, an edit, a create and a delete.
        var backfill = CliRunner.RunAsync(["data", "backfill", "catalog"], env);
        var writes = new List<Task<HttpResponseMessage>>();
        for (var i = 0; i < 40; i++)
        {
            writes.Add(staff.Client.PutAsJsonAsync($"/api/products/{10 + i * 23}/price", new { price = 10m + i }));
        }
        writes.Add(staff.Client.PostAsJsonAsync("/api/products", new { name = "Backfill Race", description = "New.", price = 3.5m, categoryId = 1 }));
        writes.Add(staff.Client.DeleteAsync("/api/products/999"));
        foreach (var write in writes)
        {
            using var response = await write;
            Assert.True(response.IsSuccessStatusCode, $"a write answered {(int)response.StatusCode}");
        }
        var copied = await backfill;
        Assert.True(copied.ExitCode == 0, $"{copied.StdErr}\n{copied.StdOut}\n{system.Diagnostics()}");
        await system.WaitForLagAsync(TimeSpan.Zero, TimeSpan.FromSeconds(30));

        var clean = await CliRunner.RunAsync(["data", "verify", "catalog", "--json"], env);
        var report = JsonSerializer.Deserialize<VerifyReportDto>(clean.StdOut, JsonSerializerOptions.Web)!;
        Assert.True(clean.ExitCode == 0, clean.StdOut + clean.StdErr);
        Assert.Equal((0, report.MonolithCount), (report.Mismatches, report.ServiceCount));

        // Behind the sync's back: the service's copy of product 321 gets another price.
        using var monolith = new HttpClient { BaseAddress = new Uri(system.LegacyUrl) };
        var price = (await monolith.GetFromJsonAsync<JsonElement>("/api/products/321")).GetProperty("price").GetDecimal();
        await system.PlantCatalogPriceAsync(321, price + 5m);

        var dirty = await CliRunner.RunAsync(["data", "verify", "catalog"], env);
        Assert.Equal(7, dirty.ExitCode);
        Assert.Matches($@"321\s*│\s*different\s*│\s*priceCents\s*│\s*{(long)(price * 100)}\s*│\s*{(long)((price + 5m) * 100)}", dirty.StdOut);
        var refused = await CliRunner.RunAsync(["flip", "catalog-read", "extracted", "--reason", "looks fine"], env);
        Assert.Equal(6, refused.ExitCode);
        Assert.Contains("found 1 mismatching records", refused.StdErr);

        await system.PlantCatalogPriceAsync(321, price);
        Assert.Equal(0, (await CliRunner.RunAsync(["data", "verify", "catalog"], env)).ExitCode);
        var allowed = await CliRunner.RunAsync(["flip", "catalog-read", "extracted", "--reason", "verified clean"], env);
        Assert.True(allowed.ExitCode == 0, allowed.StdErr);
        await system.FlipAsync("catalog-read", SliceStates.Legacy, "done");
    }
}
