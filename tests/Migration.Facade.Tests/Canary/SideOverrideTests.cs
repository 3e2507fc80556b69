using System.Net;
using System.Net.Http.Json;
using Migration.Facade.Contracts;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Canary;

/// <summary>Tester passes: only values the control plane issued force a side.</summary>
public sealed class SideOverrideTests
{
    private static async Task<string> SideAsync(FacadeHost facade, string? pass)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/categories");
        if (pass is not null) request.Headers.Add(SideOverrideDto.HeaderName, pass);
        using var response = await facade.Public.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<SideOverrideDto> IssueAsync(FacadeHost facade, string slice, string side) =>
        (await (await facade.Operator.PostAsJsonAsync($"/admin/slices/{slice}/overrides",
            new IssueSideOverrideRequest(side, "testing the new service", 5))).Content.ReadFromJsonAsync<SideOverrideDto>())!;

    [Fact]
    public async Task An_issued_pass_forces_its_side_and_anything_else_is_ignored()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("\"legacy\""), ScriptedBackend.Json("\"extracted\""));
        var pass = await IssueAsync(bed.Facade, "catalog-read", "extracted");

        Assert.Equal("\"extracted\"", await SideAsync(bed.Facade, pass.Value));
        Assert.Equal("\"legacy\"", await SideAsync(bed.Facade, null));
        Assert.Equal("\"legacy\"", await SideAsync(bed.Facade, "extracted"));
        Assert.Equal("\"legacy\"", await SideAsync(bed.Facade, pass.Value[..^4] + "AAAA"));

        var otherSlice = await IssueAsync(bed.Facade, "orders-write", "extracted");
        Assert.Equal("\"legacy\"", await SideAsync(bed.Facade, otherSlice.Value));

        var audit = await bed.Facade.Viewer.GetFromJsonAsync<AuditEntryDto[]>("/admin/audit?slice=catalog-read");
        Assert.Contains(audit!, a => a.Reason.StartsWith("override issued: extracted", StringComparison.Ordinal) && a.Actor == "alice");
    }

    [Fact]
    public async Task Only_operators_issue_passes_for_known_slices_and_sides()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("1"), ScriptedBackend.Json("2"));
        var request = new IssueSideOverrideRequest("extracted", "why not", null);

        Assert.Equal(HttpStatusCode.Forbidden, (await bed.Facade.Viewer.PostAsJsonAsync("/admin/slices/catalog-read/overrides", request)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bed.Facade.Anonymous.PostAsJsonAsync("/admin/slices/catalog-read/overrides", request)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bed.Facade.Operator.PostAsJsonAsync("/admin/slices/nope/overrides", request)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await bed.Facade.Operator.PostAsJsonAsync("/admin/slices/catalog-read/overrides",
            request with { Side = "sideways" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await bed.Facade.Operator.PostAsJsonAsync("/admin/slices/catalog-read/overrides",
            request with { ValidForMinutes = 100_000 })).StatusCode);
    }
}
