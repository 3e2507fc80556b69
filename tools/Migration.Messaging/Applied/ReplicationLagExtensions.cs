using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Migration.Messaging.Applied;

public static class ReplicationLagExtensions
{
    /// <summary>
    /// Measures <paramref name="consumer"/>'s lag against the owner's <typeparamref name="TFeed"/> and its own ledger in
    /// <typeparamref name="TDbContext"/>; the monitor is a singleton, so an endpoint can serve <c>Current</c>.
    /// </summary>
    public static IServiceCollection AddReplicationLag<TDbContext, TFeed>(this IServiceCollection services, string consumer)
        where TDbContext : DbContext
        where TFeed : class, IChangeFeed
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddScoped<IChangeFeed, TFeed>();
        services.AddSingleton(sp => new ReplicationLagMonitor<TDbContext>(
            consumer, sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IMeterFactory>(), sp.GetRequiredService<ILogger<ReplicationLagMonitor<TDbContext>>>()));
        services.AddHostedService(sp => sp.GetRequiredService<ReplicationLagMonitor<TDbContext>>());
        return services;
    }
}
