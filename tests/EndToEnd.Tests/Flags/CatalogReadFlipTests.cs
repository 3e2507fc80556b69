using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EndToEnd.Tests.Infrastructure;
using Migration.Facade.Contracts;

namespace EndToEnd.Tests.Flags;

/// <summary>
/// The promise of the toolkit: flipping <c>catalog-read</c> moves traffic to Catalog.Service and back without a
/// user noticing, quickly, and on the record.
/// </summary>
[Collection(MigrationSystemCollection.Name)]
public sealed class CatalogReadFlipTests(MigrationSystem system)
{
    private const int MarkerProductId = 1000;

    private static readonly string[] ComparedRequests =
    [
        "/api/products",
        "/api/products?page=2&pageSize=50",
        "/api/products?page=3&pageSize=7&sort=name",
        "/api/products?sort=-name&pageSize=15",
        "/api/products?sort=price&pageSize=10",
        "/api/products?sort=-price&pageSize=10",
        "/api/products?search=a&pageSize=30&page=2",
        "/api/products?page=9999",
        "/api/products?pageSize=500",
        "/api/products?sort=colour",
        "/api/products/1",
        "/api/products/2",
        "/api/products/77",
        "/api/products/500",
        "/api/products/999999",
        "/api/categories",
    ];

    [Fact]
    public async Task Flipping_catalog_read_is_invisible_to_users_takes_effect_within_a_second_and_is_audited()
    {
        await system.EnsureBackfilledAsync();
        await system.FlipAsync("catalog-read", SliceStates.Legacy, "start from the monolith");
        using var client = system.PublicClient();

        // Events keep the two sides in step, so one product's price is planted in the service's own database: it
        // tells the two sides apart.
        var legacyPrice = (await client.GetFromJsonAsync<JsonObject>($"/api/products/{MarkerProductId}"))!["price"]!.GetValue<decimal>();
        var catalogPrice = legacyPrice + 1.11m;
        await system.PlantCatalogPriceAsync(MarkerProductId, catalogPrice);

        var categoryList = await client.GetFromJsonAsync<JsonArray>("/api/categories");
        var slug = categoryList![3]!["slug"]!.GetValue<string>();
        string[] requests = [.. ComparedRequests, $"/api/products?category={slug}", $"/api/products?category={slug}&sort=-price&page=2&pageSize=5"];

        var before = await CaptureAsync(client, requests);
        // What is timed is the flag, not a cold service: Catalog.Service answers these once before the flip.
        using (var catalog = new HttpClient { BaseAddress = new Uri(system.CatalogUrl) })
        {
            await CaptureAsync(catalog, requests);
        }

        var toExtracted = await MeasureFlipAsync(client, SliceStates.Extracted, expectedPrice: catalogPrice);
        var after = await CaptureAsync(client, requests);
        // Nor do the methods the routes leave out, HEAD and OPTIONS: Catalog.Service's 405 says "Allow: GET".
        await MethodParity.AssertSameAsMonolithAsync(system, "catalog-read");
        var toLegacy = await MeasureFlipAsync(client, SliceStates.Legacy, expectedPrice: legacyPrice);

        // Answers that show the marker product differ by design; everything else must be identical.
        var marker = $"\"id\":{MarkerProductId},";
        var compared = requests.Where(r => !before[r].Contains(marker) && !after[r].Contains(marker)).ToArray();
        Assert.True(compared.Length >= requests.Length - 2, "almost every request is compared");
        foreach (var request in compared)
        {
            Assert.Equal(before[request], after[request]);
        }
        Assert.True(toExtracted < TimeSpan.FromSeconds(1), $"flip to extracted took {toExtracted.TotalMilliseconds} ms");
        Assert.True(toLegacy < TimeSpan.FromSeconds(1), $"flip back to legacy took {toLegacy.TotalMilliseconds} ms");

        using var admin = system.ControlPlaneClient(system.ViewerToken);
        var audit = await admin.GetFromJsonAsync<AuditEntryDto[]>("/admin/audit?slice=catalog-read&limit=2");
        Assert.Collection(audit!,
            latest => Assert.Equal((SliceStates.Extracted, SliceStates.Legacy, "e2e-operator", "flip back"),
                (latest.FromState, latest.ToState, latest.Actor, latest.Reason)),
            previous => Assert.Equal((SliceStates.Legacy, SliceStates.Extracted, "e2e-operator", "flip forward"),
                (previous.FromState, previous.ToState, previous.Actor, previous.Reason)));
        Assert.True(audit![0].Version > audit[1].Version);
    }

    private async Task<TimeSpan> MeasureFlipAsync(HttpClient client, string state, decimal expectedPrice)
    {
        await system.FlipAsync("catalog-read", state, state == SliceStates.Extracted ? "flip forward" : "flip back");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            var product = await client.GetFromJsonAsync<JsonObject>($"/api/products/{MarkerProductId}");
            if (product!["price"]!.GetValue<decimal>() == expectedPrice) return clock.Elapsed;
            await Task.Delay(20);
        }
        throw new TimeoutException($"the flip to {state} never became visible\n{system.Diagnostics()}");
    }

    private static async Task<Dictionary<string, string>> CaptureAsync(HttpClient client, IEnumerable<string> requests)
    {
        var captured = new Dictionary<string, string>();
        foreach (var request in requests)
        {
            captured[request] = await ObservedAnswer.DescribeAsync(client, new HttpRequestMessage(HttpMethod.Get, request));
            if (captured[request].Contains("ETag: \"", StringComparison.Ordinal))
            {
                var etag = captured[request].Split('\n').First(l => l.StartsWith("ETag: ", StringComparison.Ordinal))[6..];
                var conditional = new HttpRequestMessage(HttpMethod.Get, request);
                conditional.Headers.TryAddWithoutValidation("If-None-Match", etag);
                captured[request] += "\n--- conditional ---\n" + await ObservedAnswer.DescribeAsync(client, conditional);
            }
        }
        return captured;
    }
}
