using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using Migration.Facade.Contracts;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Slo;

public sealed class SloRollbackTests
{
    [Fact]
    public async Task An_extracted_service_returning_500s_is_rolled_back_within_the_window_and_the_audit_says_why()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("[]"), ScriptedBackend.Json("{}", 500),
            new Dictionary<string, string?>
            {
                ["Slices:catalog-read:Slo:MaxErrorRate"] = "0.05",
                ["Slices:catalog-read:Slo:MinRequests"] = "10",
                ["Slices:catalog-read:Slo:Window"] = "00:00:10",
                ["Slo:EvaluationInterval"] = "00:00:00.200",
            });
        await bed.Facade.FlipAsync("catalog-read", SliceStates.Extracted, "try the service");

        var rolledBack = await Loopback.EventuallyAsync(async () =>
        {
            using var response = await bed.Facade.Public.GetAsync("/api/products");
            Assert.True(response.IsSuccessStatusCode, "users must not see the 500s meanwhile");
            return (await bed.Facade.GetSliceAsync("catalog-read")).State == SliceStates.Legacy;
        }, TimeSpan.FromSeconds(10));

        Assert.True(rolledBack, "the slice was not rolled back within the 10 s window");
        var entry = (await bed.Facade.Viewer.GetFromJsonAsync<AuditEntryDto[]>("/admin/audit?slice=catalog-read&limit=1"))![0];
        Assert.Equal(("slo-guard", SliceStates.Extracted, SliceStates.Legacy), (entry.Actor, entry.FromState, entry.ToState));
        // The span is the evidence the guard judged: whole seconds since the flip, at most the 10 s window.
        Assert.Matches(@"^SLO breached: error rate 1 > 0\.05 over ([1-9]|10) s \(\d+ requests\); automatic rollback from extracted$", entry.Reason);
    }

    [Fact]
    public async Task A_healthy_extracted_service_stays()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("[]"), ScriptedBackend.Json("[]"),
            new Dictionary<string, string?>
            {
                ["Slices:catalog-read:Slo:MaxErrorRate"] = "0.05",
                ["Slices:catalog-read:Slo:MinRequests"] = "5",
            });
        await bed.Facade.FlipAsync("catalog-read", SliceStates.Extracted);
        for (var i = 0; i < 20; i++) (await bed.Facade.Public.GetAsync("/api/products")).EnsureSuccessStatusCode();

        var guard = bed.Facade.Services.GetRequiredService<Migration.Facade.Slo.SloGuard>();
        Assert.Empty(await guard.EvaluateAsync(default));
        Assert.Equal(SliceStates.Extracted, (await bed.Facade.GetSliceAsync("catalog-read")).State);
    }

    [Fact]
    public async Task Failures_from_before_the_slice_s_current_state_are_not_held_against_it()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("[]"), ScriptedBackend.Json("{}", 500),
            new Dictionary<string, string?>
            {
                ["Slices:catalog-read:Slo:MaxErrorRate"] = "0.05",
                ["Slices:catalog-read:Slo:MinRequests"] = "5",
                ["Slices:catalog-read:Slo:Window"] = "00:01:00",
                ["Slo:EvaluationInterval"] = "00:10:00", // the test evaluates by hand
            });
        var guard = bed.Facade.Services.GetRequiredService<Migration.Facade.Slo.SloGuard>();
        await bed.Facade.FlipAsync("catalog-read", SliceStates.Extracted);

        // Evidence counts from the first whole second after the flip: keep failing until the guard has enough.
        var rolledBack = await Loopback.EventuallyAsync(async () =>
        {
            (await bed.Facade.Public.GetAsync("/api/products")).EnsureSuccessStatusCode();
            return (await guard.EvaluateAsync(default)).Contains("catalog-read");
        }, TimeSpan.FromSeconds(10));
        Assert.True(rolledBack, "the failing service was not rolled back");

        bed.Extracted.Handler = ScriptedBackend.Json("[]"); // the fix
        await bed.Facade.FlipAsync("catalog-read", SliceStates.Extracted, "fixed");
        for (var i = 0; i < 10; i++) (await bed.Facade.Public.GetAsync("/api/products")).EnsureSuccessStatusCode();
        await Task.Delay(1100); // into the next whole second, so the guard has something to judge

        Assert.Empty(await guard.EvaluateAsync(default));
        Assert.Equal(SliceStates.Extracted, (await bed.Facade.GetSliceAsync("catalog-read")).State);
    }
}
