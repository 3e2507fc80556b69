using System.Diagnostics;
using Migration.Facade.Contracts;
using Migration.Facade.Tests.Support;
using Migration.Facade.Tracing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Migration.Facade.Tests.Tracing;

/// <summary>Traces are sampled, and a request that fell back or failed is exported whatever the sampler said.</summary>
public sealed class TraceRecordingTests
{
    [Fact]
    public async Task With_nothing_sampled_only_the_requests_that_fell_back_or_failed_are_exported()
    {
        var exported = new LockedCollection<Activity>();
        await using var bed = await ScriptedBed.StartAsync(
            ScriptedBackend.Json("""{"side":"legacy"}"""), ScriptedBackend.Json("""{"boom":true}""", 503),
            new Dictionary<string, string?> { ["Telemetry:TraceSampleRatio"] = "0" },
            services => services.AddOpenTelemetry().WithTracing(t => t.AddInMemoryExporter(exported)));

        var failing = $"/failing-{Guid.NewGuid():N}";
        (await bed.Facade.Public.GetAsync("/anything")).Dispose();
        await bed.Facade.FlipAsync("catalog-read", SliceStates.Extracted);
        (await bed.Facade.Public.GetAsync("/api/products/987654")).Dispose();
        bed.Legacy.Handler = ScriptedBackend.Json("""{"boom":true}""", 500);
        (await bed.Facade.Public.GetAsync(failing)).Dispose();

        // Activity listeners are process-wide and other tests' facades run alongside: only this test's paths count. A span
        // ends once the data plane is done with the request, which may be after the client has the answer: wait for it.
        string[] paths = ["/anything", "/api/products/987654", failing];
        var tracer = bed.Facade.Services.GetRequiredService<TracerProvider>();
        List<Activity> servers = [];
        await Loopback.EventuallyAsync(() =>
        {
            tracer.ForceFlush();
            servers = exported.Snapshot().Where(a => a.Source.Name == ProxySpans.SourceName && paths.Contains((string?)a.GetTagItem("url.path"))).ToList();
            return Task.FromResult(servers.Count >= 2);
        }, TimeSpan.FromSeconds(10));

        var outcomes = servers.ToDictionary(a => (string)a.GetTagItem("url.path")!, a => (string?)a.GetTagItem("migration.outcome"));
        Assert.Equal(["/api/products/987654", failing], outcomes.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("fallback:", outcomes["/api/products/987654"]);
        Assert.Equal("error:legacy", outcomes[failing]);
    }

    [Theory]
    [InlineData("-0.1")]
    [InlineData("1.5")]
    [InlineData("lots")]
    public async Task A_ratio_outside_0_to_1_stops_the_start_naming_the_setting(string ratio)
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => ScriptedBed.StartAsync(ScriptedBackend.Json("{}"), ScriptedBackend.Json("{}"),
            new Dictionary<string, string?> { ["Telemetry:TraceSampleRatio"] = ratio }));
        Assert.Contains("Telemetry:TraceSampleRatio", ex.ToString());
    }
}
