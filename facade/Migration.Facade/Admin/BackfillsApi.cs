using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Facade.Contracts;
using Migration.Facade.Data;
using Migration.Facade.Security;

namespace Migration.Facade.Admin;

/// <summary>Starts and watches a data backfill inside an extracted service (its <c>/internal/backfill</c>, through <see cref="DataSides"/>).</summary>
internal static class BackfillsApi
{
    public static RouteGroupBuilder MapBackfillsApi(this RouteGroupBuilder admin)
    {
        var backfills = admin.MapGroup("/backfills").WithTags("Backfills");
        backfills.MapPost("/{service}", Start).WithName("StartBackfill").RequireAuthorization(SecurityExtensions.OperatorPolicy);
        backfills.MapGet("/{service}", Get).WithName("GetBackfill");
        return admin;
    }

    private static Task<Results<Ok<BackfillProgressDto>, ProblemHttpResult>> Start(
        string service, DataSides sides, SliceViews views, CancellationToken ct) =>
        ForwardAsync(service, sides, views, sides.StartBackfillAsync, ct);

    private static Task<Results<Ok<BackfillProgressDto>, ProblemHttpResult>> Get(
        string service, DataSides sides, SliceViews views, CancellationToken ct) =>
        ForwardAsync(service, sides, views, sides.BackfillAsync, ct);

    /// <summary>A service is named by its cluster or by a slice that moves to it.</summary>
    private static async Task<Results<Ok<BackfillProgressDto>, ProblemHttpResult>> ForwardAsync(string service, DataSides sides, SliceViews views,
        Func<string, CancellationToken, Task<BackfillProgressDto>> call, CancellationToken ct)
    {
        var clusterId = sides.Knows(service) ? service : views.TargetClusterOf(service);
        if (clusterId is null || !sides.Knows(clusterId))
        {
            return Problems.NotFound($"Unknown service or slice '{service}'.");
        }
        try
        {
            return TypedResults.Ok(await call(clusterId, ct));
        }
        catch (DataSideException ex)
        {
            return Problems.BadGateway(ex.Message);
        }
    }
}
