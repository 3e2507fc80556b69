using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Facade.Contracts;
using Migration.Facade.Data;
using Migration.Facade.Flags;
using Migration.Facade.Security;

namespace Migration.Facade.Admin;

internal static class SlicesApi
{
    public static RouteGroupBuilder MapSlicesApi(this RouteGroupBuilder admin)
    {
        var slices = admin.MapGroup("/slices").WithTags("Slices");
        slices.MapGet("/", List).WithName("ListSlices");
        slices.MapGet("/{name}", Get).WithName("GetSlice");
        slices.MapPut("/{name}/state", ChangeState).WithName("ChangeSliceState")
            .RequireAuthorization(SecurityExtensions.OperatorPolicy);
        return admin;
    }

    private static Ok<IReadOnlyList<SliceDto>> List(SliceViews views) => TypedResults.Ok(views.All());

    private static Results<Ok<SliceDto>, ProblemHttpResult> Get(string name, SliceViews views) =>
        views.Find(name) is { } slice ? TypedResults.Ok(slice) : Problems.NotFound($"Unknown slice '{name}'.");

    private static async Task<Results<Ok<SliceDto>, ValidationProblem, ProblemHttpResult>> ChangeState(
        string name, ChangeSliceStateRequest request, SliceViews views, FlagStore store, DataGate gate, ClaimsPrincipal user,
        CancellationToken ct)
    {
        if (views.Definition(name) is not { } slice)
        {
            return Problems.NotFound($"Unknown slice '{name}'.");
        }
        if (StateChange.Validate(request) is { } error)
        {
            return Problems.Invalid(error.Field, error.Message);
        }
        var refusal = await gate.RefusalAsync(slice, request.State, ct);
        if (refusal is not null && !request.Force)
        {
            return Problems.Conflict($"{refusal} Pass --force with a reason to flip anyway (audited as forced).", ProblemTitles.DataNotReady);
        }
        var actor = user.Identity?.Name ?? "unknown";
        var result = await store.ChangeAsync(
            name, request.State, StateChange.PercentageFor(request), request.Reason.Trim(), request.ExpectedVersion, actor, ct,
            forced: refusal is not null);
        return result switch
        {
            ChangeResult.Changed changed => TypedResults.Ok(views.Find(name)! with
            {
                State = changed.Slice.State, Percentage = changed.Slice.Percentage, Version = changed.Slice.Version,
                UpdatedAt = changed.Slice.UpdatedAt, UpdatedBy = changed.Slice.UpdatedBy,
            }),
            ChangeResult.StaleVersion stale => Problems.Conflict(
                $"Slice '{name}' is at version {stale.Current}, not {request.ExpectedVersion}; re-read it and try again.",
                ProblemTitles.StaleVersion),
            _ => Problems.NotFound($"Unknown slice '{name}'."),
        };
    }
}
