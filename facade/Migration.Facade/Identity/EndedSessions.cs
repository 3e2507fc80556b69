using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Migration.Facade.Flags;
using Migration.Messaging.Events;

namespace Migration.Facade.Identity;

/// <summary>A session the monolith ended, kept in the flag store so that every facade instance, and a restarted one, knows it.</summary>
internal sealed class EndedSessionRow
{
    public long Id { get; set; }
    public required string SessionId { get; set; }
    public int UserId { get; set; }
    public DateTimeOffset EndedAt { get; set; }
}

/// <summary>
/// Sessions the monolith ended (sign-out): their cookies may still be valid, but the facade no longer vouches for them.
/// This instance's view, filled from the flag store by <see cref="EndedSessionsPoller"/> and at once by the instance that
/// receives the event.
/// </summary>
internal sealed class EndedSessions
{
    private readonly ConcurrentDictionary<string, byte> _ended = new(StringComparer.Ordinal);

    public bool Contains(string session) => _ended.ContainsKey(session);

    public void End(string session) => _ended.TryAdd(session, 0);

    public void Forget(string session) => _ended.TryRemove(session, out _);
}

/// <summary>
/// Records the monolith's sign-outs. Public with an internal constructor because Wolverine's generated handler code
/// lives in an assembly of its own.
/// </summary>
public sealed class SessionEndings
{
    private readonly IDbContextFactory<FlagDbContext> _contexts;
    private readonly EndedSessions _ended;

    internal SessionEndings(IDbContextFactory<FlagDbContext> contexts, EndedSessions ended) => (_contexts, _ended) = (contexts, ended);

    /// <summary>Ends the session here at once and in the flag store for the other instances; a redelivery changes nothing.</summary>
    public async Task RecordAsync(SessionEnded ended, CancellationToken cancellationToken)
    {
        _ended.End(ended.SessionId);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        if (await db.EndedSessions.AnyAsync(s => s.SessionId == ended.SessionId, cancellationToken))
        {
            return;
        }
        db.EndedSessions.Add(new EndedSessionRow { SessionId = ended.SessionId, UserId = ended.UserId, EndedAt = ended.OccurredAt });
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Wolverine's entry point for the monolith's sign-outs.</summary>
public static class SessionEndedHandler
{
    public static Task Handle(SessionEnded ended, SessionEndings endings, CancellationToken cancellationToken) =>
        endings.RecordAsync(ended, cancellationToken);
}
