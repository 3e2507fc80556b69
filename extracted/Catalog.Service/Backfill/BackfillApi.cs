using Microsoft.AspNetCore.Http.HttpResults;
using Catalog.Service.Data;
using Microsoft.EntityFrameworkCore;
using Migration.Facade.Contracts;

namespace Catalog.Service.Backfill;

/// <summary>Internal endpoints the facade's control plane calls (<c>strangler data backfill catalog</c>).</summary>
internal static class BackfillApi
{
    public static IEndpointRouteBuilder MapBackfillApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/internal/backfill").WithTags("Backfill");
        group.MapPost("", Start).WithName("StartBackfill");
        group.MapGet("", Get).WithName("GetBackfill");
        return app;
    }

    /// <summary>
    /// The run of this process, or else the last run this database remembers: after a restart the control plane must
    /// still know when the last backfill finished (a verify older than that does not count).
    /// </summary>
    private static async Task<Ok<BackfillProgressDto>> Get(BackfillProgressTracker progress, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var current = progress.Current;
        if (current.Status != BackfillProgressDto.Idle
            || await db.BackfillCheckpoints.AsNoTracking().SingleOrDefaultAsync(cancellationToken) is not { Completed: true } last)
        {
            return TypedResults.Ok(current);
        }
        return TypedResults.Ok(current with
        {
            Status = BackfillProgressDto.Completed,
            PagesDone = last.LastCompletedPage, TotalPages = last.TotalPages, ItemsCopied = last.ItemsCopied, TotalItems = last.TotalItems,
            FinishedAt = last.UpdatedAt,
        });
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
