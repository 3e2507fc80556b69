using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Facade.Contracts;

namespace Catalog.Service.Backfill;

/// <summary>Internal endpoints the facade's control plane calls (<c>strangler data backfill catalog</c>).</summary>
internal static class BackfillApi
{
    public static IEndpointRouteBuilder MapBackfillApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/internal/backfill").WithTags("Backfill");
        group.MapPost("", Start).WithName("StartBackfill");
        group.MapGet("", (BackfillProgressTracker progress) => TypedResults.Ok(progress.Current)).WithName("GetBackfill");
        return app;
    }

    private static Results<Accepted<BackfillProgressDto>, Ok<BackfillProgressDto>> Start(
        BackfillProgressTracker progress, BackfillQueue queue)
    {
        if (!progress.TryStart(out var current))
        {
            return TypedResults.Ok(current);
        }
        queue.Enqueue();
        return TypedResults.Accepted("/internal/backfill", current);
    }
}
