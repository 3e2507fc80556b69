using System.Diagnostics;
using Migration.Facade.Contracts;
using Migration.Facade.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Migration.Facade.Tests.Metrics;

/// <summary>Traces are sampled, and a request that fell back or failed is exported whatever the sampler said.</summary>
public sealed class TraceRecordingTests
{
    [Fact]
    public async Task With_nothing_sampled_only_the_requests_that_fell_back_or_failed_are_exported()
    {
        var exported = new List<Activity>();
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
        bed.Facade.Services.GetRequiredService<TracerProvider>().ForceFlush();

        // The facade's own server spans (they carry a route); the scripted backends run in this process too, and a kept
        // request's second try is sampled by its (now recorded) parent.
        // Activity listeners are process-wide and other tests' facades run alongside: only this test's paths count.
        // The facade's own spans carry a route (the scripted backends, in this process too, do not).
        string[] paths = ["/anything", "/api/products/987654", failing];
        var servers = exported.Where(a => a.Kind == ActivityKind.Server && a.GetTagItem("http.route") is not null
            && paths.Contains((string?)a.GetTagItem("url.path"))).ToList();
        Assert.Equal(2, servers.Count);
        Assert.StartsWith("fallback:", (string?)servers[0].GetTagItem("migration.outcome"));
        Assert.Equal("error:legacy", (string?)servers[1].GetTagItem("migration.outcome"));
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
