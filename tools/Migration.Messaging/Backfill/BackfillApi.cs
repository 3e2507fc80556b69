using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Migration.Facade.Contracts;

namespace Migration.Messaging.Backfill;

/// <summary>A service's backfill: the run slot, the worker, and the internal endpoints the control plane calls.</summary>
public static class BackfillApi
{
    /// <summary>Registers the shared run machinery around <typeparamref name="TRun"/>, the service's own copy, and binds <see cref="LegacyOptions"/>.</summary>
    public static IServiceCollection AddBackfillRun<TRun>(this IServiceCollection services, string service)
        where TRun : class, IBackfillRun
    {
        services.AddOptions<LegacyOptions>()
            .BindConfiguration(LegacyOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new BackfillProgressTracker(service, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<BackfillQueue>();
        services.AddScoped<TRun>();
        services.AddScoped<IBackfillRun>(sp => sp.GetRequiredService<TRun>());
        services.AddHostedService<BackfillWorker>();
        return services;
    }

    /// <summary>Internal endpoints the facade's control plane calls (<c>strangler data backfill &lt;service&gt;</c>).</summary>
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
    private static async Task<Ok<BackfillProgressDto>> Get(BackfillProgressTracker progress, IBackfillRun run, CancellationToken cancellationToken)
    {
        var current = progress.Current;
        return current.Status == BackfillProgressDto.Idle && await run.LastCompletedAsync(current, cancellationToken) is { } last
            ? TypedResults.Ok(last)
            : TypedResults.Ok(current);
    }

    private static Results<Accepted<BackfillProgressDto>, Ok<BackfillProgressDto>> Start(BackfillProgressTracker progress, BackfillQueue queue)
    {
        if (!progress.TryStart(out var current))
        {
            return TypedResults.Ok(current);
        }
        queue.Enqueue();
        return TypedResults.Accepted("/internal/backfill", current);
    }
}
