using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Migration.Facade.Flags;

/// <summary>
/// Whether the flag store can be read. When it cannot, the facade keeps serving users on the last good snapshot (or all
/// slices on legacy), reports degraded health, refuses changes, and keeps trying in the background.
/// </summary>
internal sealed class FlagStoreHealth : IHealthCheck
{
    private volatile string? _problem;

    public bool Degraded => _problem is not null;

    public string? Problem => _problem;

    public void MarkDegraded(string problem) => _problem = problem;

    public void MarkHealthy() => _problem = null;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_problem is { } problem
            ? HealthCheckResult.Degraded($"The flag store cannot be read ({problem}); serving the last good snapshot, changes are refused.")
            : HealthCheckResult.Healthy());
}
