using System.Net;
using System.Net.Http.Json;
using EndToEnd.Tests.Infrastructure;
using Migration.Facade.Contracts;

namespace EndToEnd.Tests.Delivery;

/// <summary>Catalog.Service failing for real: users keep getting answers, and the slice goes back by itself.</summary>
[Collection(GuardedSystemCollection.Name)]
public sealed class GuardTests(GuardedSystem system)
{
    [Fact]
    public async Task A_failing_catalog_is_rolled_back_by_its_SLO_then_a_stopped_one_fails_no_GET()
    {
        await system.EnsureBackfilledAsync();
        using var client = system.PublicClient();
        await system.FlipAsync("catalog-read", SliceStates.Extracted, "guarded flip");

        // Catalog.Service's database turns to garbage: it answers 500 to every catalog read.
        await using (var file = new FileStream(system.CatalogDatabase, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            await file.WriteAsync(new byte[4096].Select((_, i) => (byte)(i * 7)).ToArray());
        }
        var failures = 0;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        SliceDto slice;
        do
        {
            using var response = await client.GetAsync("/api/products/5");
            if (response.StatusCode != HttpStatusCode.OK) failures++;
            using var admin = system.ControlPlaneClient(system.ViewerToken);
            slice = (await admin.GetFromJsonAsync<SliceDto>("/admin/slices/catalog-read"))!;
        }
        while (slice.State != SliceStates.Legacy && DateTime.UtcNow < deadline);

        Assert.Equal(SliceStates.Legacy, slice.State);
        Assert.Equal(0, failures);
        using (var admin = system.ControlPlaneClient(system.ViewerToken))
        {
            var entry = (await admin.GetFromJsonAsync<AuditEntryDto[]>("/admin/audit?slice=catalog-read&limit=1"))![0];
            Assert.Equal("slo-guard", entry.Actor);
            // The span judged: whole seconds since the flip, at most the 15 s window.
            Assert.Matches(@"^SLO breached: error rate 1 > 0\.05 over ([1-9]|1[0-5]) s ", entry.Reason);
        }

        // Now the service dies outright while users keep reading: the monolith answers every request.
        // Forced: the data gate would rightly refuse a service whose database was just destroyed.
        await system.FlipAsync("catalog-read", SliceStates.Extracted, "flip again", force: true);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            if (i == 10) await system.StopCatalogAsync();
            using var response = await client.GetAsync($"/api/products/{i + 1}");
            statuses.Add(response.StatusCode);
        }
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        using var viewer = system.ControlPlaneClient(system.ViewerToken);
        var traffic = await viewer.GetFromJsonAsync<SliceTrafficDto>("/admin/slices/catalog-read/traffic");
        // Falls back until the guard, which still sees the failures, rolls the slice back once more.
        Assert.True(traffic!.Fallbacks > 0, $"fallbacks {traffic.Fallbacks}");
    }
}
