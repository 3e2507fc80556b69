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

        // Activity listeners are process-wide and other tests' facades run alongside: only this test's paths count.
        // The facade's own server spans carry a route (the scripted backends, in this process too, do not). A server span
        // ends once the host is done with the request, which may be after the client has the answer: wait for it.
        string[] paths = ["/anything", "/api/products/987654", failing];
        var tracer = bed.Facade.Services.GetRequiredService<TracerProvider>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        List<Activity> servers;
        while (true)
        {
            tracer.ForceFlush();
            servers = exported.Snapshot().Where(a => a.Kind == ActivityKind.Server && a.GetTagItem("http.route") is not null
                && paths.Contains((string?)a.GetTagItem("url.path"))).ToList();
            if (servers.Count >= 2 || DateTime.UtcNow > deadline)
            {
                break;
            }
            await Task.Delay(50);
        }

        var outcomes = servers.ToDictionary(a => (string)a.GetTagItem("url.path")!, a => (string?)a.GetTagItem("migration.outcome"));
        Assert.Equal(["/api/products/987654", failing], outcomes.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("fallback:", outcomes["/api/products/987654"]);
        Assert.Equal("error:legacy", outcomes[failing]);
    }

    /// <summary>The exporter adds from whichever thread ends an activity, other tests' facades' included.</summary>
    private sealed class LockedCollection<T> : System.Collections.ObjectModel.Collection<T>
    {
        private readonly Lock _lock = new();

        public T[] Snapshot()
        {
            lock (_lock) return [.. this];
        }

        protected override void InsertItem(int index, T item)
        {
            lock (_lock) base.InsertItem(index, item);
        }
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
