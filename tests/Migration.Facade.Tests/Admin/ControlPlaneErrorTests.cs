using System.Net;
using System.Net.Http.Json;
using Migration.Facade.Contracts;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Admin;

public sealed class ControlPlaneErrorTests
{
    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string? detailContains = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains($"\"status\":{(int)status}", body);
        if (detailContains is not null)
        {
            Assert.Contains(detailContains, body);
        }
    }

    [Fact]
    public async Task No_token_is_401_problem_details_with_a_bearer_challenge()
    {
        await using var bed = await TestBed.StartAsync();
        await using var facade = await bed.StartFacadeAsync();

        var response = await facade.Anonymous.GetAsync("/admin/slices");

        await AssertProblem(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_wrong_token_is_401()
    {
        await using var bed = await TestBed.StartAsync();
        await using var facade = await bed.StartFacadeAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/slices");
        request.Headers.Authorization = new("Bearer", FacadeHost.OperatorToken + "x");
        await AssertProblem(await facade.Anonymous.SendAsync(request), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_viewer_may_read_but_not_flip()
    {
        await using var bed = await TestBed.StartAsync();
        await using var facade = await bed.StartFacadeAsync();

        var slices = await facade.Viewer.GetFromJsonAsync<SliceDto[]>("/admin/slices");
        Assert.Equal(["catalog-read", "orders"], slices!.Select(s => s.Name).Order());
        var flip = await facade.Viewer.PutAsJsonAsync("/admin/slices/catalog-read/state",
            new ChangeSliceStateRequest(SliceStates.Extracted, null, "sneaky", 1));

        await AssertProblem(flip, HttpStatusCode.Forbidden);
        Assert.Equal(SliceStates.Legacy, (await facade.GetSliceAsync("catalog-read")).State);
        var backfill = await facade.Viewer.PostAsync("/admin/backfills/catalog", null);
        await AssertProblem(backfill, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("sideways", null, "because", "Unknown state")]
    [InlineData("extracted", null, "", "reason is required")]
    [InlineData("extracted", null, "   ", "reason is required")]
    [InlineData("canary", null, "because", "between 1 and 99")]
    [InlineData("canary", 100, "because", "between 1 and 99")]
    [InlineData("canary", 0, "because", "between 1 and 99")]
    [InlineData("legacy", 50, "because", "no percentage")]
    public async Task An_invalid_change_is_400(string state, int? percentage, string reason, string detail)
    {
        await using var bed = await TestBed.StartAsync();
        await using var facade = await bed.StartFacadeAsync();

        var response = await facade.Operator.PutAsJsonAsync("/admin/slices/catalog-read/state",
            new ChangeSliceStateRequest(state, percentage, reason, 1));

        await AssertProblem(response, HttpStatusCode.BadRequest, detail);
        Assert.Equal(1, (await facade.GetSliceAsync("catalog-read")).Version);
    }

    [Fact]
    public async Task An_unknown_slice_is_404()
    {
        await using var bed = await TestBed.StartAsync();
        await using var facade = await bed.StartFacadeAsync();

        await AssertProblem(await facade.Operator.GetAsync("/admin/slices/nope"), HttpStatusCode.NotFound, "nope");
        await AssertProblem(await facade.FlipAsync("nope", SliceStates.Extracted, expectedVersion: 1), HttpStatusCode.NotFound);
        await AssertProblem(await facade.Operator.GetAsync("/admin/backfills/nope"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_stale_version_is_409_and_changes_nothing()
    {
        await using var bed = await TestBed.StartAsync();
        await using var facade = await bed.StartFacadeAsync();
        Assert.Equal(HttpStatusCode.OK, (await facade.FlipAsync("catalog-read", SliceStates.Extracted, expectedVersion: 1)).StatusCode);

        var stale = await facade.FlipAsync("catalog-read", SliceStates.Legacy, expectedVersion: 1);

        await AssertProblem(stale, HttpStatusCode.Conflict, "version 2");
        var slice = await facade.GetSliceAsync("catalog-read");
        Assert.Equal((SliceStates.Extracted, 2L), (slice.State, slice.Version));
    }

    [Fact]
    public async Task Concurrent_writers_with_the_same_version_leave_exactly_one_winner()
    {
        await using var bed = await TestBed.StartAsync();
        await using var one = await bed.StartFacadeAsync();
        await using var two = await bed.StartFacadeAsync();

        var flips = await Task.WhenAll(
            Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? one : two).FlipAsync(
                "catalog-read", i % 3 == 0 ? SliceStates.Extracted : SliceStates.Shadow, $"writer {i}", expectedVersion: 1)));

        Assert.Single(flips, f => f.StatusCode == HttpStatusCode.OK);
        Assert.All(flips.Where(f => f.StatusCode != HttpStatusCode.OK), f => Assert.Equal(HttpStatusCode.Conflict, f.StatusCode));
        var audit = await one.Operator.GetFromJsonAsync<AuditEntryDto[]>("/admin/audit");
        Assert.Single(audit!);
    }
}
