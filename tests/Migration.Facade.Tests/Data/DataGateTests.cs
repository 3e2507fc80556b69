using System.Net;
using System.Net.Http.Json;
using Migration.Facade.Contracts;
using Migration.Facade.Tests.Support;
using Migration.Messaging.Applied;

namespace Migration.Facade.Tests.Data;

public sealed class DataGateTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private DataBackend _monolith = null!;
    private DataBackend _service = null!;
    private FacadeHost _facade = null!;

    public async Task InitializeAsync()
    {
        _monolith = await DataBackend.StartAsync("/api/sync/catalog/parity");
        _service = await DataBackend.StartAsync("/internal/parity/catalog");
        _monolith.Fill(350);
        _service.Fill(350);
        var settings = FacadeHost.Settings(_folder.File("flags.db"), _monolith.Url, _service.Url);
        settings["Data:Gate"] = "true";
        settings["Data:BucketSize"] = "100";
        settings["Slices:catalog-read:MaxReplicationLag"] = "00:00:05";
        _facade = await FacadeHost.StartAsync(settings);
    }

    [Fact]
    public async Task A_clean_copy_verifies_with_nothing_fetched_but_digests_and_then_the_flip_goes_ahead()
    {
        var report = await VerifyAsync();

        Assert.Equal((350, 350, 4, 0, 0, 0), (report.MonolithCount, report.ServiceCount, report.Ranges, report.DifferingRanges, report.RowsFetched, report.Mismatches));
        Assert.DoesNotContain(_monolith.Requests, r => r.Contains("/rows"));
        using var flip = await _facade.FlipAsync("catalog-read", SliceStates.Extracted, "verified clean");
        Assert.Equal(HttpStatusCode.OK, flip.StatusCode);
    }

    [Fact]
    public async Task Without_a_verify_a_flip_is_refused_with_a_problem_naming_the_reason_unless_forced_and_audited()
    {
        var slice = await _facade.GetSliceAsync("catalog-read");
        using var canary = await _facade.Operator.PutAsJsonAsync("/admin/slices/catalog-read/state",
            new ChangeSliceStateRequest(SliceStates.Canary, 10, "too early", slice.Version));

        await AssertRefusedAsync(canary, "No data verify of 'catalog'");

        using var forced = await _facade.Operator.PutAsJsonAsync("/admin/slices/catalog-read/state",
            new ChangeSliceStateRequest(SliceStates.Canary, 10, "the team accepts the risk", slice.Version, Force: true));
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        var audit = await _facade.Viewer.GetFromJsonAsync<List<AuditEntryDto>>("/admin/audit?slice=catalog-read");
        Assert.True(audit![0].Forced);
        Assert.Equal("the team accepts the risk", audit[0].Reason);
    }

    [Fact]
    public async Task A_planted_mismatch_is_reported_with_its_id_and_both_values_blocks_the_flip_and_a_repair_unblocks_it()
    {
        _service.Rows[217] = DataBackend.Row(217, "Product 217", priceCents: 999);
        _service.Rows.TryRemove(5, out _);
        _service.Rows[900] = DataBackend.Row(900, "Stray");

        var report = await VerifyAsync();

        Assert.Equal(3, report.Mismatches);
        Assert.Equal([(5, MismatchDto.Missing), (217, MismatchDto.Different), (900, MismatchDto.Extra)], report.Records.Select(r => (r.Id, r.Kind)));
        Assert.Equal(new FieldValuesDto("priceCents", "100", "999"), Assert.Single(report.Records[1].Fields));
        Assert.Equal(3, report.DifferingRanges);
        await AssertRefusedAsync(await _facade.FlipAsync("catalog-read", SliceStates.Extracted), "found 3 mismatching records");

        _service.Rows[217] = DataBackend.Row(217, "Product 217");
        _service.Rows[5] = DataBackend.Row(5, "Product 5");
        _service.Rows.TryRemove(900, out _);
        Assert.Equal(0, (await VerifyAsync()).Mismatches);
        using var allowed = await _facade.FlipAsync("catalog-read", SliceStates.Extracted);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Lag_over_the_slice_limit_unknown_lag_or_a_running_backfill_refuse_the_flip_but_never_a_way_back()
    {
        await VerifyAsync();
        _service.Lag = () => new LagReport("catalog", 12.5, 3, DateTimeOffset.UtcNow.AddSeconds(-12.5), DateTimeOffset.UtcNow, null);
        await AssertRefusedAsync(await _facade.FlipAsync("catalog-read", SliceStates.Extracted), "lags 12.5 s behind the monolith, over the slice's limit of 5.0 s");

        _service.Lag = () => null;
        await AssertRefusedAsync(await _facade.FlipAsync("catalog-read", SliceStates.Extracted), "replication lag of 'catalog' is unknown");

        _service.Lag = DataBackend.CaughtUp;
        _service.Backfill = _service.Backfill with { Status = BackfillProgressDto.Running };
        await AssertRefusedAsync(await _facade.FlipAsync("catalog-read", SliceStates.Extracted), "A backfill of 'catalog' is running");

        using var shadow = await _facade.FlipAsync("catalog-read", SliceStates.Shadow);
        using var legacy = await _facade.FlipAsync("catalog-read", SliceStates.Legacy);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (shadow.StatusCode, legacy.StatusCode));
    }

    [Fact]
    public async Task A_stale_lag_reading_or_an_unreadable_backfill_status_refuses_the_flip()
    {
        await VerifyAsync();
        var minuteAgo = DateTimeOffset.UtcNow.AddMinutes(-1);
        _service.Lag = () => DataBackend.CaughtUp() with { CheckedAt = minuteAgo };
        await AssertRefusedAsync(await _facade.FlipAsync("catalog-read", SliceStates.Extracted), "the reading is too old to trust");

        _service.Lag = DataBackend.CaughtUp;
        _service.BackfillBroken = true;
        await AssertRefusedAsync(await _facade.FlipAsync("catalog-read", SliceStates.Extracted), "backfill status of 'catalog' could not be read");
    }

    [Fact]
    public async Task A_verify_older_than_the_last_backfill_no_longer_counts()
    {
        await VerifyAsync();
        _service.Backfill = _service.Backfill with { Status = BackfillProgressDto.Completed, FinishedAt = DateTimeOffset.UtcNow.AddMinutes(1) };

        await AssertRefusedAsync(await _facade.FlipAsync("catalog-read", SliceStates.Extracted), "No data verify of 'catalog' ran since its last backfill");
        var status = await _facade.Viewer.GetFromJsonAsync<DataStatusDto>("/admin/data/catalog");
        Assert.Equal((0.0, 0, BackfillProgressDto.Completed), (status!.LagSeconds, status.LastVerifyMismatches, status.BackfillStatus));
    }

    [Fact]
    public async Task Verify_needs_an_operator_and_a_known_data_set()
    {
        using var viewer = await _facade.Viewer.PostAsync("/admin/data/catalog/verify", null);
        using var unknown = await _facade.Operator.PostAsync("/admin/data/nope/verify", null);

        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
    }

    private async Task<VerifyReportDto> VerifyAsync()
    {
        using var response = await _facade.Operator.PostAsync("/admin/data/catalog/verify", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<VerifyReportDto>())!;
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string reason)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Contains(reason, await response.Content.ReadAsStringAsync());
        }
    }

    public async Task DisposeAsync()
    {
        await _facade.DisposeAsync();
        await _monolith.DisposeAsync();
        await _service.DisposeAsync();
        _folder.Dispose();
    }
}
