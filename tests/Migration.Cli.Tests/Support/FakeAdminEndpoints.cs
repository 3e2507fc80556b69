using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Migration.Facade.Contracts;

namespace Migration.Cli.Tests.Support;

internal static class FakeAdminEndpoints
{
    public static void MapFakeAdminApi(this WebApplication app, FakeAdminState state)
    {
        var admin = app.MapGroup("/admin").AddEndpointFilter(async (context, next) =>
            Authenticate(context.HttpContext, state) ?? await next(context));

        admin.MapGet("/progress", () => TypedResults.Ok(state.Progress));
        admin.MapGet("/slices", () => TypedResults.Ok(state.Progress.Slices));
        admin.MapGet("/slices/{name}", (string name) => state.Slices.TryGetValue(name, out var slice)
            ? Results.Ok(slice)
            : UnknownSlice(state, name));
        admin.MapPut("/slices/{name}/state", (string name, ChangeSliceStateRequest request, HttpContext http) =>
            ChangeState(state, name, request, http));
        admin.MapGet("/audit", (string? slice, int? limit) => TypedResults.Ok(
            state.Audit.Where(e => slice is null || e.Slice == slice).Take(limit ?? int.MaxValue).ToList()));
        admin.MapGet("/traffic", () => TypedResults.Ok(state.Traffic));
        admin.MapGet("/slices/{name}/diff", (string name) => state.Slices.ContainsKey(name)
            ? Results.Ok(state.Shadow with { Slice = name })
            : UnknownSlice(state, name));
        admin.MapDelete("/slices/{name}/diff", (string name, HttpContext http) => ResetShadow(state, name, http));
        admin.MapPost("/slices/{name}/overrides", (string name, IssueSideOverrideRequest request, HttpContext http) =>
            IssueOverride(state, name, request, http));
        // Like the facade: a known slice and the one pass it issued; anything else is 404.
        admin.MapPost("/slices/{name}/overrides/{id}/revoke", (string name, string id, RevokeSideOverrideRequest request) =>
            state.Slices.ContainsKey(name) && id == "3f9c2a1b4d5e6f70"
                ? Results.Ok(new SideOverrideSummaryDto(id, name, "extracted", FakeAdminState.Changed.AddMinutes(60), FakeAdminState.Changed, "alice"))
                : TypedResults.Problem(title: "Not Found", detail: $"Slice '{name}' has no unexpired override '{id}'.", statusCode: 404));
        admin.MapPost("/backfills/{service}", (string service) => Backfill(state, service, started: true));
        admin.MapGet("/backfills/{service}", (string service) => Backfill(state, service, started: false));
        admin.MapGet("/data/{dataSet}", (string dataSet) => state.Slices.Values.Any(s => s.TargetCluster == dataSet)
            ? Results.Ok(state.Data with { DataSet = dataSet })
            : TypedResults.Problem(title: "Not Found", detail: $"Unknown data set '{dataSet}'", statusCode: 404));
        admin.MapPost("/data/{dataSet}/verify", (string dataSet, HttpContext http) => Verify(state, dataSet, http));
    }

    private static IResult? Authenticate(HttpContext http, FakeAdminState state)
    {
        if (state.RequiredToken is null)
        {
            return null;
        }
        var header = http.Request.Headers.Authorization.ToString();
        return header == $"Bearer {state.RequiredToken}" || header == $"Bearer {state.ViewerToken}"
            ? null
            : TypedResults.Problem(title: "Unauthorized", detail: "the bearer token is missing or invalid", statusCode: 401);
    }

    private static IResult ChangeState(FakeAdminState state, string name, ChangeSliceStateRequest request, HttpContext http)
    {
        if (state.ViewerToken is not null && http.Request.Headers.Authorization.ToString() == $"Bearer {state.ViewerToken}")
        {
            return TypedResults.Problem(title: "Forbidden", detail: "the viewer role cannot change slices", statusCode: 403);
        }
        if (!state.Slices.TryGetValue(name, out var slice))
        {
            return UnknownSlice(state, name);
        }
        if (state.GateRefusal is { } refusal && !request.Force)
        {
            return TypedResults.Problem(title: ProblemTitles.DataNotReady, detail: refusal, statusCode: 409);
        }
        if (state.ChangeFailure is { } status)
        {
            return status == 409
                ? TypedResults.Problem(title: ProblemTitles.StaleVersion, detail: $"slice '{name}' is at version {slice.Version + 1}, not {request.ExpectedVersion}", statusCode: 409)
                : TypedResults.Problem(title: "Invalid change", detail: "the change was rejected\nby policy", statusCode: status);
        }
        var changed = slice with
        {
            State = request.State,
            Percentage = request.State == SliceStates.Canary ? request.Percentage ?? 0 : request.State == SliceStates.Extracted ? 100 : 0,
            Version = slice.Version + 1,
            UpdatedBy = "tester",
        };
        state.Slices[name] = changed;
        return TypedResults.Ok(changed);
    }

    // Like the facade: operators only, a known slice, at most a day.
    private static IResult IssueOverride(FakeAdminState state, string name, IssueSideOverrideRequest request, HttpContext http)
    {
        if (state.ViewerToken is not null && http.Request.Headers.Authorization.ToString() == $"Bearer {state.ViewerToken}")
        {
            return TypedResults.Problem(title: "Forbidden", detail: "the viewer role cannot issue overrides", statusCode: 403);
        }
        if (!state.Slices.ContainsKey(name))
        {
            return UnknownSlice(state, name);
        }
        return request.ValidForMinutes is > 1440
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["ValidForMinutes"] = ["ValidForMinutes must be between 1 and 1440."] },
                detail: "ValidForMinutes must be between 1 and 1440.")
            : TypedResults.Ok(new SideOverrideDto(name, request.Side, "sealed-pass-value", FakeAdminState.Changed.AddMinutes(request.ValidForMinutes ?? 60), "3f9c2a1b4d5e6f70"));
    }

    private static IResult ResetShadow(FakeAdminState state, string name, HttpContext http)
    {
        if (state.ViewerToken is not null && http.Request.Headers.Authorization.ToString() == $"Bearer {state.ViewerToken}")
        {
            return TypedResults.Problem(title: "Forbidden", detail: "the viewer role cannot reset shadow reports", statusCode: 403);
        }
        if (!state.Slices.ContainsKey(name))
        {
            return UnknownSlice(state, name);
        }
        Interlocked.Increment(ref state.ShadowResets);
        return TypedResults.NoContent();
    }

    // Like the facade: operators only, a known data set.
    private static IResult Verify(FakeAdminState state, string dataSet, HttpContext http)
    {
        if (state.ViewerToken is not null && http.Request.Headers.Authorization.ToString() == $"Bearer {state.ViewerToken}")
        {
            return TypedResults.Problem(title: "Forbidden", detail: "the viewer role cannot run data verify", statusCode: 403);
        }
        return dataSet == "catalog"
            ? TypedResults.Ok(state.VerifyReport)
            : TypedResults.Problem(title: "Not Found", detail: $"Unknown data set '{dataSet}'", statusCode: 404);
    }

    private static IResult Backfill(FakeAdminState state, string service, bool started)
    {
        if (service is not ("catalog" or "broken"))
        {
            return TypedResults.Problem(title: "Not Found", detail: $"no extracted service named '{service}'", statusCode: 404);
        }
        var gets = started ? 0 : state.BackfillGets.AddOrUpdate(service, 1, (_, n) => n + 1);
        var done = Math.Min(gets, state.BackfillPolls);
        var finished = done == state.BackfillPolls;
        var status = !finished ? BackfillProgressDto.Running
            : service == "broken" ? BackfillProgressDto.Failed : BackfillProgressDto.Completed;
        var dto = new BackfillProgressDto(service, status, done, state.BackfillPolls, done * 10, state.BackfillPolls * 10,
            FakeAdminState.Changed, finished ? FakeAdminState.Changed.AddMinutes(1) : null,
            status == BackfillProgressDto.Failed ? "legacy database is locked" : null);
        return started ? TypedResults.Accepted($"/admin/backfills/{service}", dto) : TypedResults.Ok(dto);
    }

    private static IResult UnknownSlice(FakeAdminState state, string name) => state.PlainNotFound
        ? TypedResults.NotFound()
        : TypedResults.Problem(title: "Not Found", detail: $"there is no slice named '{name}'", statusCode: 404);
}
