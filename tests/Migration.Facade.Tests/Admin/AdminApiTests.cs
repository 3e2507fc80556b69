using System.Net;
using System.Net.Http.Json;
using Migration.Facade.Contracts;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Admin;

public sealed class AdminApiTests
{
    [Fact]
    public async Task Slices_are_discovered_from_route_metadata_and_start_on_legacy()
    {
        await using var bed = await TestBed.StartAsync();
        await using var facade = await bed.StartFacadeAsync();

        var slice = await facade.GetSliceAsync("catalog-read");

        Assert.Equal((SliceStates.Legacy, 0, "catalog", 1L), (slice.State, slice.Percentage, slice.TargetCluster, slice.Version));
        Assert.Equal(["GET /api/categories", "GET /api/products", "GET /api/products/{id:int}"], slice.Routes);
    }

    [Fact]
    public async Task The_audit_log_records_who_when_from_to_and_why_newest_first()
    {
        await using var bed = await TestBed.StartAsync();
        await using var facade = await bed.StartFacadeAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        await facade.FlipAsync("catalog-read", SliceStates.Extracted, "catalog backfilled and verified");
        await facade.FlipAsync("catalog-read", SliceStates.Legacy, "rolling back for a look");

        var audit = await facade.Viewer.GetFromJsonAsync<AuditEntryDto[]>("/admin/audit?slice=catalog-read");
        Assert.Equal(2, audit!.Length);
        var latest = audit[0];
        Assert.Equal(("alice", SliceStates.Extracted, 100, SliceStates.Legacy, 0, "rolling back for a look", 3L),
            (latest.Actor, latest.FromState, latest.FromPercentage, latest.ToState, latest.ToPercentage, latest.Reason, latest.Version));
        Assert.Equal((SliceStates.Legacy, SliceStates.Extracted, "catalog backfilled and verified"),
            (audit[1].FromState, audit[1].ToState, audit[1].Reason));
        Assert.All(audit, a => Assert.InRange(a.At, before, DateTimeOffset.UtcNow.AddSeconds(5)));
        Assert.Single((await facade.Viewer.GetFromJsonAsync<AuditEntryDto[]>("/admin/audit?limit=1"))!);
        Assert.Empty((await facade.Viewer.GetFromJsonAsync<AuditEntryDto[]>("/admin/audit?slice=other"))!);
        Assert.Equal(HttpStatusCode.BadRequest, (await facade.Viewer.GetAsync("/admin/audit?limit=0")).StatusCode);
    }

    [Fact]
    public async Task The_changed_slice_names_its_new_version_and_who_changed_it()
    {
        await using var bed = await TestBed.StartAsync();
        await using var facade = await bed.StartFacadeAsync();

        var response = await facade.Operator.PutAsJsonAsync("/admin/slices/catalog-read/state",
            new ChangeSliceStateRequest(SliceStates.Canary, 10, "10 percent", 1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var changed = await response.Content.ReadFromJsonAsync<SliceDto>();
        Assert.Equal((SliceStates.Canary, 10, 2L, "alice"), (changed!.State, changed.Percentage, changed.Version, changed.UpdatedBy));
        var slice = await facade.GetSliceAsync("catalog-read");
        Assert.Equal((SliceStates.Canary, 10, 2L, "alice"), (slice.State, slice.Percentage, slice.Version, slice.UpdatedBy));
    }

    [Fact]
    public async Task Progress_counts_extracted_slices_and_routes()
    {
        await using var bed = await TestBed.StartAsync();
        await using var facade = await bed.StartFacadeAsync();

        var before = await facade.Viewer.GetFromJsonAsync<ProgressDto>("/admin/progress");
        // The shipped configuration: catalog-read (3 routes) and orders (4 routes).
        Assert.Equal((2, 0, 7, 0), (before!.SlicesTotal, before.SlicesExtracted, before.RoutesTotal, before.RoutesExtracted));

        await facade.FlipAsync("catalog-read", SliceStates.Extracted);

        var after = await facade.Viewer.GetFromJsonAsync<ProgressDto>("/admin/progress");
        Assert.Equal((2, 1, 7, 3), (after!.SlicesTotal, after.SlicesExtracted, after.RoutesTotal, after.RoutesExtracted));
        Assert.Equal(SliceStates.Extracted, Assert.Single(after.Slices, s => s.Name == "catalog-read").State);
        Assert.Equal(SliceStates.Legacy, Assert.Single(after.Slices, s => s.Name == "orders").State);
    }

    [Theory]
    [InlineData("catalog")]
    [InlineData("catalog-read")]
    public async Task Backfills_are_forwarded_to_the_service(string service)
    {
        await using var bed = await TestBed.StartAsync();
        await using var facade = await bed.StartFacadeAsync();

        var started = await facade.Operator.PostAsync($"/admin/backfills/{service}", null);
        var progress = await facade.Viewer.GetFromJsonAsync<BackfillProgressDto>($"/admin/backfills/{service}");

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var startedBody = await started.Content.ReadFromJsonAsync<BackfillProgressDto>();
        Assert.Equal(("catalog", BackfillProgressDto.Running), (startedBody!.Service, startedBody.Status));
        Assert.Equal(("catalog", BackfillProgressDto.Idle, 1000), (progress!.Service, progress.Status, progress.TotalItems));
    }

    [Fact]
    public async Task An_unreachable_service_is_502_problem_details()
    {
        await using var bed = await TestBed.StartAsync();
        var deadPort = Loopback.FreePort();
        await using var facade = await bed.StartFacadeAsync(s => s["Services:catalog:http:0"] = $"http://127.0.0.1:{deadPort}");

        var response = await facade.Operator.GetAsync("/admin/backfills/catalog");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
