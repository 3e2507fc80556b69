using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using Migration.Facade.Contracts;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Shadow;

/// <summary>Shadow mode through the real facade: the monolith answers, a mirror goes to the extracted side and is compared.</summary>
public sealed class ShadowTrafficTests
{
    [Fact]
    public async Task A_changed_field_is_reported_with_its_path_an_ignored_one_is_not_and_users_get_the_monolith()
    {
        await using var bed = await ScriptedBed.StartAsync(
            ScriptedBackend.Json("""{"id":7,"price":10.5,"updatedAt":"2026-01-01"}"""),
            ScriptedBackend.Json("""{"updatedAt":"2026-02-02","price":11,"id":7}"""),
            new Dictionary<string, string?>
            {
                ["Slices:catalog-read:Shadow:IgnoredJsonPaths:0"] = "$.updatedAt",
                ["Slices:catalog-read:Shadow:MinParityPercent"] = "99",
            });
        await bed.Facade.FlipAsync("catalog-read", SliceStates.Shadow);

        var answer = await bed.Facade.Public.GetStringAsync("/api/products/7");

        Assert.Equal("""{"id":7,"price":10.5,"updatedAt":"2026-01-01"}""", answer);
        var report = await bed.Facade.SettledReportAsync(r => r.Compared == 1);
        Assert.Equal((1, 0, 1, 0.0), (report.Compared, report.Matches, report.Differences, report.ParityPercent));
        var sample = Assert.Single(report.Samples);
        Assert.Equal(("GET", "/api/products/7"), (sample.Method, sample.Path));
        Assert.Equal(new FieldDifferenceDto("body", "$.price", "10.5", "11"), Assert.Single(sample.Differences));
        Assert.Equal("1", Assert.Single(bed.Extracted.Seen).Headers["X-Shadow-Request"]);

        // Low parity is reported, and a shadow is never rolled back for it.
        var traffic = await bed.Facade.Viewer.GetFromJsonAsync<SliceTrafficDto>("/admin/slices/catalog-read/traffic");
        Assert.True(traffic!.Shadow.BelowMinParity);
        await bed.Facade.Services.GetRequiredService<Migration.Facade.Slo.SloGuard>().EvaluateAsync(default);
        Assert.Equal(SliceStates.Shadow, (await bed.Facade.GetSliceAsync("catalog-read")).State);
    }

    [Fact]
    public async Task POST_is_not_mirrored_unless_the_slice_allows_it()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("{}"), ScriptedBackend.Json("{}"));
        await bed.Facade.FlipAsync("orders-write", SliceStates.Shadow);

        (await bed.Facade.Public.PostAsync("/api/orders", JsonContent.Create(new { lines = 1 }))).EnsureSuccessStatusCode();

        var report = await bed.Facade.SettledReportAsync(r => r.Skipped.Count > 0, "orders-write");
        Assert.Equal(1, report.Skipped["method"]);
        Assert.Empty(bed.Extracted.Seen);
    }

    [Fact]
    public async Task An_allowed_POST_is_mirrored_with_its_body_and_an_oversized_one_is_skipped()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("{}"), ScriptedBackend.Json("{}"),
            new Dictionary<string, string?>
            {
                ["Slices:orders-write:Shadow:MirrorMethods:0"] = "POST",
                ["Slices:orders-write:Shadow:MaxRequestBodyBytes"] = "100",
            });
        await bed.Facade.FlipAsync("orders-write", SliceStates.Shadow);

        (await bed.Facade.Public.PostAsync("/api/orders", JsonContent.Create(new { lines = 1 }))).EnsureSuccessStatusCode();
        var big = new string('x', 500);
        (await bed.Facade.Public.PostAsync("/api/orders", JsonContent.Create(new { big }))).EnsureSuccessStatusCode();

        var report = await bed.Facade.SettledReportAsync(r => r.Compared == 1 && r.Skipped.Count > 0, "orders-write");
        Assert.Equal((1, 1), (report.Matches, report.Skipped["size"]));
        Assert.Equal("""{"lines":1}""", Assert.Single(bed.Extracted.Seen).Body);
        Assert.Equal(2, bed.Legacy.Seen.Count);
        Assert.Contains(big, bed.Legacy.Seen.Last().Body);
    }

    [Fact]
    public async Task A_full_queue_sheds_mirrors_and_users_still_get_every_answer()
    {
        var release = new TaskCompletionSource();
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("[]"), async context =>
            {
                await release.Task; // a stalled extracted service
                await context.Response.WriteAsync("[]");
            },
            new Dictionary<string, string?>
            {
                ["Shadow:QueueCapacity"] = "1",
                ["Shadow:Workers"] = "1",
                ["Slices:catalog-read:Shadow:Timeout"] = "00:00:30",
            });
        await bed.Facade.FlipAsync("catalog-read", SliceStates.Shadow);

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal("[]", await bed.Facade.Public.GetStringAsync("/api/categories"));
        }

        // One mirror stalls in the worker and at most one waits in the queue: the other 18 or more were shed.
        var report = await bed.Facade.SettledReportAsync(r => r.Skipped.GetValueOrDefault("queue-full") >= 18);
        release.SetResult();
        Assert.True(report.Skipped.GetValueOrDefault("queue-full") >= 18, $"shed {report.Skipped.GetValueOrDefault("queue-full")}");
    }

    [Fact]
    public async Task A_slow_extracted_side_is_counted_as_a_timeout()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("[]"), async context =>
            {
                await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
                await context.Response.WriteAsync("[]");
            },
            new Dictionary<string, string?> { ["Slices:catalog-read:Shadow:Timeout"] = "00:00:00.100" });
        await bed.Facade.FlipAsync("catalog-read", SliceStates.Shadow);

        await bed.Facade.Public.GetStringAsync("/api/categories");

        var report = await bed.Facade.SettledReportAsync(r => r.Skipped.Count > 0);
        Assert.Equal(1, report.Skipped["timeout"]);
    }

    [Fact]
    public async Task Noise_cancellation_ignores_fields_that_differ_between_two_monolith_answers()
    {
        var calls = 0;
        await using var bed = await ScriptedBed.StartAsync(
            context => ScriptedBackend.Json($$"""{"id":1,"nonce":{{Interlocked.Increment(ref calls)}}}""")(context),
            ScriptedBackend.Json("""{"id":1,"nonce":0}"""),
            new Dictionary<string, string?> { ["Slices:catalog-read:Shadow:NoiseCancellation"] = "true" });
        await bed.Facade.FlipAsync("catalog-read", SliceStates.Shadow);

        await bed.Facade.Public.GetStringAsync("/api/products/1");

        var report = await bed.Facade.SettledReportAsync(r => r.Compared == 1);
        Assert.Equal((1, 1, 0, 1), (report.Compared, report.Matches, report.Differences, report.NoiseIgnored));
        Assert.Equal(2, bed.Legacy.Seen.Count);
    }
}
