using Microsoft.Extensions.Options;
using Migration.Facade.Contracts;
using Migration.Facade.Flags;
using Migration.Facade.Metrics;
using Migration.Facade.Shadow;

namespace Migration.Facade.Slo;

/// <summary>
/// Every few seconds: a slice on <c>canary</c> or <c>extracted</c> that breaks one of its SLOs goes back to
/// <c>legacy</c>, with an audit entry that names the objective, the measured value and the limit.
/// </summary>
internal sealed partial class SloGuard(
    IOptions<SliceSettingsOptions> slices,
    IOptions<SloGuardOptions> options,
    SliceSnapshotHolder snapshots,
    TrafficStatistics traffic,
    ShadowStatistics shadow,
    FlagStore store,
    TimeProvider clock,
    ILogger<SloGuard> logger) : BackgroundService
{
    public const string Actor = "slo-guard";

    private readonly HashSet<string> _lowParity = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.EvaluationInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await EvaluateAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogEvaluationFailed(ex);
            }
        }
    }

    /// <summary>One evaluation of every guarded slice; returns the slices it rolled back.</summary>
    public async Task<IReadOnlyList<string>> EvaluateAsync(CancellationToken ct)
    {
        var rolledBack = new List<string>();
        foreach (var (name, settings) in slices.Value)
        {
            if (!snapshots.Current.States.TryGetValue(name, out var state)) continue;
            if (state.State == SliceStates.Shadow)
            {
                ReportParity(name, settings);
                continue;
            }
            if (settings.Slo is not { } slo || state.State is not (SliceStates.Canary or SliceStates.Extracted)) continue;
            // Only evidence gathered in the current state counts: what failed before a rollback must not roll back
            // the fix flipped in a moment later, and a changed canary percentage is a new experiment.
            var seconds = traffic.SecondsSince(state.UpdatedAt, (int)slo.Window.TotalSeconds);
            if (seconds == 0) continue;
            var (legacy, extracted, _) = traffic.Read(name, seconds);
            if (SloEvaluator.Evaluate(slo, extracted, legacy, TimeSpan.FromSeconds(seconds)) is not { } breach) continue;

            var reason = $"{breach.Describe()}; automatic rollback from {state.State}";
            var result = await store.ChangeAsync(name, SliceStates.Legacy, 0, reason, state.Version, Actor, ct);
            if (result is ChangeResult.Changed)
            {
                LogRolledBack(name, reason);
                rolledBack.Add(name);
            }
        }
        return rolledBack;
    }

    // A shadow never reaches users, so low parity is a finding to look at, not a reason to roll anything back.
    private void ReportParity(string name, SliceSettings settings)
    {
        var summary = shadow.Summary(name);
        if (summary.BelowMinParity && _lowParity.Add(name))
        {
            LogLowParity(name, summary.ParityPercent, settings.Shadow?.MinParityPercent);
        }
        else if (!summary.BelowMinParity)
        {
            _lowParity.Remove(name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SLO evaluation failed; trying again at the next interval")]
    private partial void LogEvaluationFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slice {Slice} rolled back to legacy: {Reason}")]
    private partial void LogRolledBack(string slice, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shadow parity of {Slice} is {Parity}%, below its minimum of {Minimum}% (see strangler diff)")]
    private partial void LogLowParity(string slice, double? parity, double? minimum);
}
