using System.Net;
using System.Net.Http.Json;
using EndToEnd.Tests.Infrastructure;
using Migration.Facade.Contracts;

namespace EndToEnd.Tests.Admin;

/// <summary>Every refusal of the control plane, against the real facade process, as problem details.</summary>
[Collection(MigrationSystemCollection.Name)]
public sealed class ControlPlaneTests(MigrationSystem system)
{
    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    public async Task Requests_without_a_valid_token_are_unauthorized(string? token)
    {
        using var client = system.ControlPlaneClient(token);
        using var response = await client.GetAsync("/admin/slices");
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_viewer_reads_but_cannot_flip()
    {
        using var viewer = system.ControlPlaneClient(system.ViewerToken);
        var slice = await viewer.GetFromJsonAsync<SliceDto>("/admin/slices/catalog-read");
        using var response = await viewer.PutAsJsonAsync("/admin/slices/catalog-read/state",
            new ChangeSliceStateRequest(SliceStates.Extracted, null, "viewer tries", slice!.Version));
        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        AssertUnchanged(slice, await viewer.GetFromJsonAsync<SliceDto>("/admin/slices/catalog-read"));
    }

    [Fact]
    public async Task Bad_flips_are_refused_and_change_nothing()
    {
        using var client = system.ControlPlaneClient(system.OperatorToken);
        var slice = (await client.GetFromJsonAsync<SliceDto>("/admin/slices/catalog-read"))!;

        await AssertProblemAsync(await client.PutAsJsonAsync("/admin/slices/catalog-read/state",
            new ChangeSliceStateRequest("sideways", null, "bad state", slice.Version)), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await client.PutAsJsonAsync("/admin/slices/catalog-read/state",
            new ChangeSliceStateRequest(SliceStates.Extracted, null, "", slice.Version)), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await client.PutAsJsonAsync("/admin/slices/no-such-slice/state",
            new ChangeSliceStateRequest(SliceStates.Extracted, null, "unknown slice", 1)), HttpStatusCode.NotFound);
        await AssertProblemAsync(await client.GetAsync("/admin/slices/no-such-slice"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await client.PutAsJsonAsync("/admin/slices/catalog-read/state",
            new ChangeSliceStateRequest(SliceStates.Extracted, null, "stale", slice.Version - 1)), HttpStatusCode.Conflict);

        AssertUnchanged(slice, await client.GetFromJsonAsync<SliceDto>("/admin/slices/catalog-read"));
    }

    [Theory]
    [InlineData("/admin/slices")]
    [InlineData("/admin/audit")]
    [InlineData("/admin/progress")]
    [InlineData("/openapi/v1.json")]
    public async Task No_control_plane_path_answers_on_the_public_port(string path)
    {
        using var publicClient = system.PublicClient();
        publicClient.DefaultRequestHeaders.Authorization = new("Bearer", system.OperatorToken);
        // Even a forged Host naming the control-plane port must not reach the admin API.
        publicClient.DefaultRequestHeaders.Host = new Uri(system.ControlPlaneUrl).Authority;
        using var response = await publicClient.GetAsync(path);

        // The catch-all sends it to the monolith, which has no such page.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("catalog-read", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_control_plane_serves_its_openapi_document_and_progress()
    {
        using var client = system.ControlPlaneClient(system.ViewerToken);
        var openApi = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/admin/slices/{name}/state", openApi, StringComparison.Ordinal);

        var progress = await client.GetFromJsonAsync<ProgressDto>("/admin/progress");
        Assert.Contains(progress!.Slices, s => s.Name == "catalog-read" && s.TargetCluster == "catalog");
        Assert.True(progress.RoutesTotal >= 3);
    }

    // SliceDto carries a list, so record equality would compare references.
    private static void AssertUnchanged(SliceDto before, SliceDto? after) =>
        Assert.Equal((before.State, before.Percentage, before.Version, before.UpdatedAt),
            (after!.State, after.Percentage, after.Version, after.UpdatedAt));

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>();
            Assert.Equal((int)status, int.Parse(problem!["status"].ToString()!));
        }
    }
}
