using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Migration.Facade.Canary;
using Migration.Facade.Contracts;
using Migration.Facade.Flags;
using Migration.Facade.Security;

namespace Migration.Facade.Admin;

internal static class OverridesApi
{
    private const int DefaultMinutes = 60;

    /// <summary>Maps onto one slice's group (<c>/slices/{name}</c>), which answers an unknown slice before these run.</summary>
    public static RouteGroupBuilder MapOverridesApi(this RouteGroupBuilder slice)
    {
        slice.MapPost("/overrides", Issue).WithName("IssueSideOverride").RequireAuthorization(SecurityExtensions.OperatorPolicy);
        slice.MapGet("/overrides", List).WithName("ListSideOverrides");
        slice.MapPost("/overrides/{id}/revoke", Revoke).WithName("RevokeSideOverride").RequireAuthorization(SecurityExtensions.OperatorPolicy);
        return slice;
    }

    /// <summary>
    /// A value for testers: sent as <c>X-Migration-Side</c>, it forces one side of this slice until it expires. The value
    /// is shown once, here; the store keeps only its hash.
    /// </summary>
    private static async Task<Results<Ok<SideOverrideDto>, ValidationProblem, ProblemHttpResult>> Issue(
        string name, IssueSideOverrideRequest request, SliceSnapshotHolder snapshots, SideOverrideStore overrides,
        IOptions<CanaryOptions> options, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!snapshots.Current.States.TryGetValue(name, out var slice))
        {
            return SlicesApi.UnknownSlice(name);
        }
        if (!Sides.IsKnown(request.Side))
        {
            return Problems.Invalid(nameof(request.Side), $"Side must be '{Sides.Legacy}' or '{Sides.Extracted}'.");
        }
        if (Reasons.Problem(request.Reason) is { } reason)
        {
            return Problems.Invalid(nameof(request.Reason), reason);
        }
        var max = (int)options.Value.MaxOverrideValidity.TotalMinutes;
        if (request.ValidForMinutes is { } m && (m < 1 || m > max))
        {
            return Problems.Invalid(nameof(request.ValidForMinutes), $"ValidForMinutes must be between 1 and {max}.");
        }
        var expires = clock.GetUtcNow().AddMinutes(request.ValidForMinutes ?? Math.Min(DefaultMinutes, max));
        var value = SideOverrides.NewValue();
        var pass = new SideOverride(SideOverrides.HashOf(value), name, request.Side, expires);
        await overrides.IssueAsync(slice, pass, user.Identity?.Name ?? "unknown", request.Reason.Trim(), ct);
        return TypedResults.Ok(new SideOverrideDto(name, request.Side, value, expires, SideOverrides.IdOf(pass.Hash)));
    }

    private static async Task<Ok<List<SideOverrideSummaryDto>>> List(string name, SideOverrideStore overrides, CancellationToken ct) =>
        TypedResults.Ok((await overrides.ListAsync(name, ct)).Select(Summary).ToList());

    /// <summary>Ends a tester pass before it expires (it was shared too widely, or the test is over); audited.</summary>
    private static async Task<Results<Ok<SideOverrideSummaryDto>, ValidationProblem, ProblemHttpResult>> Revoke(
        string name, string id, RevokeSideOverrideRequest request, SliceSnapshotHolder snapshots,
        SideOverrideStore overrides, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!snapshots.Current.States.TryGetValue(name, out var slice))
        {
            return SlicesApi.UnknownSlice(name);
        }
        if (Reasons.Problem(request.Reason) is { } reason)
        {
            return Problems.Invalid(nameof(request.Reason), reason);
        }
        return await overrides.RevokeAsync(slice, id, user.Identity?.Name ?? "unknown", request.Reason.Trim(), ct) is { } revoked
            ? TypedResults.Ok(Summary(revoked))
            : Problems.NotFound($"Slice '{name}' has no unexpired override '{id}'.");
    }

    private static SideOverrideSummaryDto Summary(SideOverrideRow o) =>
        new(SideOverrides.IdOf(o.Hash), o.Slice, o.Side, o.ExpiresAt, o.IssuedAt, o.IssuedBy);
}
