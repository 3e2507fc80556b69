using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Migration.Facade.Flags;

namespace Migration.Facade.Identity;

/// <summary>
/// Keeps <see cref="EndedSessions"/> in step with the flag store, as often as the flags themselves: a sign-out received
/// by one instance reaches the others within a poll. Rows older than the monolith's longest cookie lifetime
/// (<see cref="IdentityOptions.EndedSessionRetention"/>) can no longer be presented and are pruned.
/// </summary>
internal sealed partial class EndedSessionsPoller(
    IDbContextFactory<FlagDbContext> contexts, EndedSessions ended, IOptions<IdentityOptions> identity, IOptions<FlagStoreOptions> flags,
    TimeProvider clock, ILogger<EndedSessionsPoller> logger) : BackgroundService
{
    private long _seen;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(flags.Value.PollInterval, clock);
        var pruneAt = DateTimeOffset.MinValue;
        do
        {
            try
            {
                if (clock.GetUtcNow() >= pruneAt)
                {
                    await PruneAsync(stoppingToken);
                    pruneAt = clock.GetUtcNow().AddHours(1);
                }
                await PollAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPollFailed(ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Reads the sessions ended since the last poll; internal so tests can drive it.</summary>
    internal async Task PollAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        List<(long Id, string Session)> rows;
        do
        {
            rows = (await db.EndedSessions.AsNoTracking().Where(s => s.Id > _seen).OrderBy(s => s.Id).Take(1000)
                .Select(s => new { s.Id, s.SessionId }).ToListAsync(cancellationToken)).Select(s => (s.Id, s.SessionId)).ToList();
            foreach (var (id, session) in rows)
            {
                ended.End(session);
                _seen = id;
            }
        }
        while (rows.Count == 1000);
    }

    private async Task PruneAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var before = clock.GetUtcNow() - identity.Value.EndedSessionRetention;
        var expired = await db.EndedSessions.Where(s => s.EndedAt < before).ToListAsync(cancellationToken);
        foreach (var row in expired)
        {
            ended.Forget(row.SessionId);
        }
        db.EndedSessions.RemoveRange(expired);
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ended sessions could not be read from the flag store: {Reason}")]
    private partial void LogPollFailed(string reason);
}
