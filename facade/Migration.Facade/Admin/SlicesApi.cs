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
        // Everything about one slice, behind one check that it exists.
        var slice = slices.MapGroup("/{name}").AddEndpointFilter(KnownSlice);
        slice.MapGet("/", Get).WithName("GetSlice");
        slice.MapPut("/state", ChangeState).WithName("ChangeSliceState")
            .RequireAuthorization(SecurityExtensions.OperatorPolicy);
        slice.MapOverridesApi().MapShadowApi().MapSliceTrafficApi();
        return admin;
    }

    /// <summary>
    /// The one answer for a slice no route declares: 404 problem details. The group's filter runs after the request is
    /// bound, so a malformed body for an unknown slice is still its 400.
    /// </summary>
    public static ProblemHttpResult UnknownSlice(string name) => Problems.NotFound($"Unknown slice '{name}'.");

    private static async ValueTask<object?> KnownSlice(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var name = context.HttpContext.GetRouteValue("name") as string ?? "";
        return context.HttpContext.RequestServices.GetRequiredService<SliceViews>().Exists(name) ? await next(context) : UnknownSlice(name);
    }

    private static Ok<IReadOnlyList<SliceDto>> List(SliceViews views) => TypedResults.Ok(views.All());

    private static Results<Ok<SliceDto>, ProblemHttpResult> Get(string name, SliceViews views) =>
        views.Find(name) is { } slice ? TypedResults.Ok(slice) : UnknownSlice(name);

    private static async Task<Results<Ok<SliceDto>, ValidationProblem, ProblemHttpResult>> ChangeState(
        string name, ChangeSliceStateRequest request, SliceViews views, FlagStore store, DataGate gate, ClaimsPrincipal user,
        CancellationToken ct)
    {
        if (views.Definition(name) is not { } slice)
        {
            return UnknownSlice(name);
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
            _ => UnknownSlice(name),
        };
    }
}
