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
        await system.ChangeLegacyPriceAsync(MarkerProductId, price + 2.5m);
        var env = system.CliEnvironment(system.OperatorToken);

        Assert.Equal(0, (await CliRunner.RunAsync(["shadow", "catalog-read", "--reason", "compare"], env)).ExitCode);
        await client.GetStringAsync($"/api/products/{MarkerProductId}");
        await client.GetStringAsync("/api/products/1");

        ShadowReportDto? report = null;
        for (var i = 0; i < 100 && report?.Compared != 2; i++)
        {
            var diff = await CliRunner.RunAsync(["diff", "catalog-read", "--json"], env);
            report = JsonSerializer.Deserialize<ShadowReportDto>(diff.StdOut, JsonSerializerOptions.Web);
            if (report?.Compared != 2) await Task.Delay(100);
        }
        Assert.Equal((2, 1, 1), (report!.Compared, report.Matches, report.Differences));
        // The price differs, and so does the ETag computed from it; the ignored description never shows.
        var differences = Assert.Single(report.Samples).Differences;
        Assert.Equal(["ETag", "$.price"], differences.Select(d => d.Path));
        Assert.Equal((price + 2.5m, price), (decimal.Parse(differences[1].Legacy!), decimal.Parse(differences[1].Extracted!)));
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
}
