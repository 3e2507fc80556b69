using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EndToEnd.Tests.Infrastructure;
using Migration.Facade.Contracts;

namespace EndToEnd.Tests.Delivery;

/// <summary>Shadow parity and sticky canaries with the real monolith, Catalog.Service, facade and CLI.</summary>
[Collection(DeliverySystemCollection.Name)]
public sealed class ShadowAndCanaryTests(DeliverySystem system)
{
    private const int MarkerProductId = 999;

    [Fact]
    public async Task Shadow_reports_a_price_the_services_disagree_on_then_a_canary_keeps_each_visitor_on_one_side_on_two_facades()
    {
        await system.EnsureBackfilledAsync();
        using var client = system.PublicClient();
        var price = (await client.GetFromJsonAsync<JsonObject>($"/api/products/{MarkerProductId}"))!["price"]!.GetValue<decimal>();
        await system.PlantCatalogPriceAsync(MarkerProductId, price + 2.5m);
        var env = system.CliEnvironment(system.OperatorToken);

        Assert.Equal(0, (await CliRunner.RunAsync(["shadow", "catalog-read", "--reason", "compare"], env)).ExitCode);
        await client.GetStringAsync($"/api/products/{MarkerProductId}");
        await client.GetStringAsync("/api/products/1");

        using (var viewer = system.ControlPlaneClient(system.ViewerToken))
        {
            for (var i = 0; i < 300; i++)
            {
                var settled = await viewer.GetFromJsonAsync<ShadowReportDto>("/admin/slices/catalog-read/diff");
                if (settled!.Compared + settled.Skipped.Values.Sum() >= 2) break;
                await Task.Delay(100);
            }
        }
        var diff = await CliRunner.RunAsync(["diff", "catalog-read", "--json"], env);
        var report = JsonSerializer.Deserialize<ShadowReportDto>(diff.StdOut, JsonSerializerOptions.Web)!;
        Assert.True((2, 1, 1) == (report.Compared, report.Matches, report.Differences), diff.StdOut);
        // The price differs, and so does the ETag computed from it; the ignored description never shows.
        var differences = Assert.Single(report.Samples).Differences;
        Assert.Equal(["ETag", "$.price"], differences.Select(d => d.Path));
        Assert.Equal((price, price + 2.5m), (decimal.Parse(differences[1].Legacy!), decimal.Parse(differences[1].Extracted!)));
        var table = await CliRunner.RunAsync(["diff", "catalog-read"], env);
        Assert.Contains("parity 50%", table.StdOut);

        Assert.Equal(0, (await CliRunner.RunAsync(["canary", "catalog-read", "50", "--reason", "half"], env)).ExitCode);
        var second = await system.StartSecondFacadeAsync();
        await Task.Delay(500); // one poll interval for the second instance to see the canary
        var sides = new HashSet<decimal>();
        for (var visitor = 0; visitor < 30; visitor++)
        {
            var seen = new HashSet<decimal>();
            for (var request = 0; request < 6; request++)
            {
                using var message = new HttpRequestMessage(HttpMethod.Get, $"{(request % 2 == 0 ? system.PublicUrl : second)}/api/products/{MarkerProductId}");
                message.Headers.Add("Cookie", $"strangler.uid=e2e-visitor-{visitor}");
                using var response = await client.SendAsync(message);
                seen.Add((await response.Content.ReadFromJsonAsync<JsonObject>())!["price"]!.GetValue<decimal>());
            }
            Assert.Single(seen);
            sides.UnionWith(seen);
        }
        Assert.Equal([price, price + 2.5m], sides.Order());

        var status = await CliRunner.RunAsync(["status"], env);
        Assert.Contains("canary 50%", status.StdOut);
        Assert.Contains("Traffic, last 60 s", status.StdOut);
        Assert.Equal(0, (await CliRunner.RunAsync(["rollback", "catalog-read"], env)).ExitCode);
    }

    [Fact]
    public async Task A_signed_in_customer_keeps_one_side_on_every_device_and_customers_spread_over_both_sides()
    {
        await system.EnsureBackfilledAsync();
        const int product = 998;
        using var anonymous = system.PublicClient();
        var price = (await anonymous.GetFromJsonAsync<JsonObject>($"/api/products/{product}"))!["price"]!.GetValue<decimal>();
        await system.PlantCatalogPriceAsync(product, price + 1m);
        await system.FlipAsync("catalog-read", SliceStates.Legacy, "reset");
        using (var admin = system.ControlPlaneClient(system.OperatorToken))
        {
            var slice = await admin.GetFromJsonAsync<SliceDto>("/admin/slices/catalog-read");
            (await admin.PutAsJsonAsync("/admin/slices/catalog-read/state",
                new ChangeSliceStateRequest(SliceStates.Canary, 50, "half of the customers", slice!.Version))).EnsureSuccessStatusCode();
        }

        var sides = new HashSet<decimal>();
        for (var customer = 1; customer <= 16; customer++)
        {
            var seen = new HashSet<decimal>();
            for (var device = 0; device < 2; device++)
            {
                // Each device is a new session with a random visitor cookie of its own: only the user id keeps them together.
                using var session = new StoreSession(system.PublicUrl);
                using (await session.SignInAsync($"customer{customer}@example.com", "Passw0rd!")) { }
                for (var request = 0; request < 3; request++)
                {
                    seen.Add((await session.Client.GetFromJsonAsync<JsonObject>($"/api/products/{product}"))!["price"]!.GetValue<decimal>());
                }
            }
            Assert.Single(seen);
            sides.UnionWith(seen);
        }
        Assert.Equal([price, price + 1m], sides.Order());
        await system.FlipAsync("catalog-read", SliceStates.Legacy, "done");
    }
}
