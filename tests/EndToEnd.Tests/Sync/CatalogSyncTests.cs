using System.Globalization;
using System.Net.Http.Json;
using EndToEnd.Tests.Infrastructure;
using Migration.Facade.Contracts;
using Xunit.Abstractions;

namespace EndToEnd.Tests.Sync;

/// <summary>Staff writes in the monolith reach Catalog.Service's own database over the embedded transport.</summary>
[Collection(MigrationSystemCollection.Name)]
public sealed class CatalogSyncTests(MigrationSystem system, ITestOutputHelper output)
{
    [Fact]
    public async Task A_create_an_edit_a_price_change_and_a_delete_each_reach_the_service_within_a_second()
    {
        await system.EnsureBackfilledAsync();

        var lags = await SyncScenarios.CreateEditPriceDeleteAsync(system);

        output.WriteLine("embedded: " + string.Join(", ", lags.Select(l => $"{l.TotalMilliseconds:F0} ms")));
        Assert.All(lags, lag => Assert.True(lag < TimeSpan.FromSeconds(1), $"an event took {lag.TotalMilliseconds} ms"));
    }

    [Fact]
    public async Task Shadow_parity_stays_100_percent_through_a_stream_of_price_changes_once_the_service_caught_up()
    {
        await system.EnsureBackfilledAsync();
        await system.FlipAsync("catalog-read", SliceStates.Shadow, "compare while prices move");
        using (var admin = system.ControlPlaneClient(system.OperatorToken))
        {
            (await admin.DeleteAsync("/admin/slices/catalog-read/diff")).EnsureSuccessStatusCode();
        }
        using var staff = await SyncScenarios.StaffAsync(system.PublicUrl);
        using var user = system.PublicClient();
        using var service = new HttpClient { BaseAddress = new Uri(system.CatalogUrl) };

        for (var i = 0; i < 20; i++)
        {
            var product = 600 + i;
            var price = 5.25m + i;
            await SyncScenarios.ChangePricesAsync(staff, [(product, price)]);
            var arrivesBy = DateTime.UtcNow.AddSeconds(10);
            while (!(await service.GetStringAsync($"/api/products/{product}")).Contains(string.Create(CultureInfo.InvariantCulture, $"\"price\":{price},")))
            {
                Assert.True(DateTime.UtcNow < arrivesBy, $"the price of product {product} never reached Catalog.Service\n{system.Diagnostics()}");
                await Task.Delay(10);
            }
            await user.GetStringAsync($"/api/products/{product}");
        }

        using var viewer = system.ControlPlaneClient(system.ViewerToken);
        ShadowReportDto report;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            report = (await viewer.GetFromJsonAsync<ShadowReportDto>("/admin/slices/catalog-read/diff"))!;
        }
        while (report.Compared + report.Skipped.Values.Sum() < 20 && DateTime.UtcNow < deadline && await Delay());
        var skipped = string.Join(", ", report.Skipped.Select(s => $"{s.Key} {s.Value}"));
        output.WriteLine($"compared {report.Compared}, matched {report.Matches}, skipped: {skipped}");
        Assert.True((20, 20, 0) == (report.Compared, report.Matches, report.Differences),
            $"compared {report.Compared}, matched {report.Matches}, differing {report.Differences}, skipped: {skipped}");
        await system.FlipAsync("catalog-read", SliceStates.Legacy, "done");
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(100);
        return true;
    }
}
