using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Migration.Facade.Canary;
using Migration.Facade.Contracts;
using Migration.Facade.Flags;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Canary;

/// <summary>Tester overrides: only values the control plane issued, unexpired and for this slice, force a side.</summary>
public sealed class SideOverrideTests
{
    private static async Task<SideOverrideDto> IssueAsync(FacadeHost facade, string slice, string side, int? minutes = 5)
    {
        using var response = await facade.Operator.PostAsJsonAsync($"/admin/slices/{slice}/overrides",
            new IssueSideOverrideRequest(side, "testing the new service", minutes));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SideOverrideDto>())!;
    }

    private static Task<ScriptedBed> StartAsync(Action<IServiceCollection>? services = null) =>
        ScriptedBed.StartAsync(ScriptedBackend.Json("\"legacy\""), ScriptedBackend.Json("\"extracted\""), services: services);

    [Fact]
    public async Task An_issued_value_forces_its_side_and_forged_or_other_slice_values_are_ignored()
    {
        await using var bed = await StartAsync();
        using var tester = new Visitor(bed.Facade);
        var pass = await IssueAsync(bed.Facade, "catalog-read", "extracted");

        Assert.Equal("\"extracted\"", (await tester.GetAsync("/api/categories", overrideValue: pass.Value)).Body);
        Assert.Equal("\"legacy\"", (await tester.GetAsync("/api/categories")).Body);
        Assert.Equal("\"legacy\"", (await tester.GetAsync("/api/categories", overrideValue: "extracted")).Body);
        Assert.Equal("\"legacy\"", (await tester.GetAsync("/api/categories", overrideValue: pass.Value[..^4] + "AAAA")).Body);
        Assert.Equal("\"legacy\"", (await tester.GetAsync("/api/categories", overrideValue: new string('A', 5000))).Body);
        var otherSlice = await IssueAsync(bed.Facade, "orders-write", "extracted");
        Assert.Equal("\"legacy\"", (await tester.GetAsync("/api/categories", overrideValue: otherSlice.Value)).Body);

        // The value is the facade's business: neither backend ever sees the header.
        Assert.All(bed.Legacy.Seen.Concat(bed.Extracted.Seen), seen => Assert.False(seen.Headers.ContainsKey(SideOverrideDto.HeaderName)));
        var audit = await bed.Facade.Viewer.GetFromJsonAsync<AuditEntryDto[]>("/admin/audit?slice=catalog-read");
        Assert.Contains(audit!, a => a.Reason.StartsWith($"override issued: extracted pass {pass.Id} until ", StringComparison.Ordinal)
            && a.Reason.EndsWith(": testing the new service", StringComparison.Ordinal) && a.Actor == "alice");
    }

    [Fact]
    public async Task An_override_to_legacy_holds_while_the_slice_is_extracted()
    {
        await using var bed = await StartAsync();
        using var tester = new Visitor(bed.Facade);
        (await bed.Facade.FlipAsync("catalog-read", SliceStates.Extracted)).EnsureSuccessStatusCode();
        var pass = await IssueAsync(bed.Facade, "catalog-read", "legacy");

        Assert.Equal("\"legacy\"", (await tester.GetAsync("/api/products/1", overrideValue: pass.Value)).Body);
        Assert.Equal("\"extracted\"", (await tester.GetAsync("/api/products/1")).Body);
    }

    [Fact]
    public async Task An_expired_value_is_ignored()
    {
        var clock = new ShiftedClock();
        await using var bed = await StartAsync(services => services.AddSingleton<TimeProvider>(clock));
        using var tester = new Visitor(bed.Facade);
        var pass = await IssueAsync(bed.Facade, "catalog-read", "extracted", minutes: 5);
        Assert.Equal("\"extracted\"", (await tester.GetAsync("/api/categories", overrideValue: pass.Value)).Body);

        clock.Shift = TimeSpan.FromMinutes(6);

        Assert.Equal("\"legacy\"", (await tester.GetAsync("/api/categories", overrideValue: pass.Value)).Body);
    }

    [Fact]
    public async Task A_value_issued_on_one_instance_is_honoured_by_another_sharing_the_store_which_keeps_only_its_hash()
    {
        await using var bed = await StartAsync();
        await using var second = await FacadeHost.StartAsync(FacadeHost.Settings(bed.Folder.File("flags.db"), bed.Legacy.Url, bed.Extracted.Url));
        using var tester = new Visitor(second);

        var pass = await IssueAsync(bed.Facade, "catalog-read", "extracted");

        Assert.True(await Loopback.EventuallyAsync(async () =>
            (await tester.GetAsync("/api/categories", overrideValue: pass.Value)).Body == "\"extracted\"", TimeSpan.FromSeconds(5)));
        await using var db = await second.Services.GetRequiredService<IDbContextFactory<FlagDbContext>>().CreateDbContextAsync();
        var row = Assert.Single(await db.Overrides.ToListAsync());
        Assert.Equal(SideOverrides.HashOf(pass.Value), row.Hash);
        Assert.DoesNotContain(pass.Value, new[] { row.Hash, row.Slice, row.Side, row.IssuedBy });
        Assert.Equal(("catalog-read", "extracted", "alice"), (row.Slice, row.Side, row.IssuedBy));
    }

    [Fact]
    public async Task Only_operators_issue_values_for_known_slices_and_sides_with_a_reason()
    {
        await using var bed = await StartAsync();
        var request = new IssueSideOverrideRequest("extracted", "why not", null);
        const string path = "/admin/slices/catalog-read/overrides";

        Assert.Equal(HttpStatusCode.Forbidden, (await bed.Facade.Viewer.PostAsJsonAsync(path, request)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bed.Facade.Anonymous.PostAsJsonAsync(path, request)).StatusCode);
        await AssertProblemAsync(HttpStatusCode.NotFound, await bed.Facade.Operator.PostAsJsonAsync("/admin/slices/nope/overrides", request));
        await AssertProblemAsync(HttpStatusCode.BadRequest, await bed.Facade.Operator.PostAsJsonAsync(path, request with { Side = "sideways" }));
        await AssertProblemAsync(HttpStatusCode.BadRequest, await bed.Facade.Operator.PostAsJsonAsync(path, request with { Reason = " " }));
        await AssertProblemAsync(HttpStatusCode.BadRequest, await bed.Facade.Operator.PostAsJsonAsync(path, request with { ValidForMinutes = 8 * 60 + 1 }));
        await AssertProblemAsync(HttpStatusCode.BadRequest, await bed.Facade.Operator.PostAsJsonAsync(path, request with { ValidForMinutes = 0 }));

        var issued = await IssueAsync(bed.Facade, "catalog-read", "extracted", minutes: null);
        Assert.InRange(issued.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(60));
        Assert.Equal(43, issued.Value.Length);
    }

    [Fact]
    public async Task A_revoked_value_forces_nothing_any_more_and_the_revoke_is_audited()
    {
        await using var bed = await StartAsync();
        using var tester = new Visitor(bed.Facade);
        var pass = await IssueAsync(bed.Facade, "catalog-read", "extracted");
        var other = await IssueAsync(bed.Facade, "catalog-read", "extracted");
        const string path = "/admin/slices/catalog-read/overrides";
        var listed = await bed.Facade.Viewer.GetFromJsonAsync<SideOverrideSummaryDto[]>(path);
        Assert.Equal(new[] { other.Id, pass.Id }.Order(), listed!.Select(o => o.Id).Order());
        Assert.DoesNotContain(pass.Value, await bed.Facade.Viewer.GetStringAsync(path));

        var revoke = new RevokeSideOverrideRequest("shared in the wrong channel");
        Assert.Equal(HttpStatusCode.Forbidden, (await bed.Facade.Viewer.PostAsJsonAsync($"{path}/{pass.Id}/revoke", revoke)).StatusCode);
        await AssertProblemAsync(HttpStatusCode.BadRequest, await bed.Facade.Operator.PostAsJsonAsync($"{path}/{pass.Id}/revoke", revoke with { Reason = "" }));
        await AssertProblemAsync(HttpStatusCode.NotFound, await bed.Facade.Operator.PostAsJsonAsync($"{path}/0000000000000000/revoke", revoke));
        using (var revoked = await bed.Facade.Operator.PostAsJsonAsync($"{path}/{pass.Id}/revoke", revoke))
        {
            Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        }

        Assert.Equal("\"legacy\"", (await tester.GetAsync("/api/categories", overrideValue: pass.Value)).Body);
        Assert.Equal("\"extracted\"", (await tester.GetAsync("/api/categories", overrideValue: other.Value)).Body);
        await AssertProblemAsync(HttpStatusCode.NotFound, await bed.Facade.Operator.PostAsJsonAsync($"{path}/{pass.Id}/revoke", revoke));
        var audit = await bed.Facade.Viewer.GetFromJsonAsync<AuditEntryDto[]>("/admin/audit?slice=catalog-read");
        Assert.Contains(audit!, a => a.Reason == $"override revoked: extracted pass {pass.Id} of alice: shared in the wrong channel" && a.Actor == "alice");
    }

    private static async Task AssertProblemAsync(HttpStatusCode status, HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }
}
