using System.Collections.Concurrent;
using Migration.Messaging.Events;

namespace Migration.Facade.Identity;

/// <summary>
/// Sessions the monolith ended (sign-out): their cookies may still be valid, but the facade no longer vouches for them.
/// Public with an internal constructor because Wolverine's generated handler code lives in an assembly of its own.
/// </summary>
public sealed class EndedSessions
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _ended = new(StringComparer.Ordinal);

    internal EndedSessions()
    {
    }

    internal event Action<string>? Ended;

    internal bool Contains(string session) => _ended.ContainsKey(session);

    public void End(SessionEnded ended)
    {
        if (_ended.TryAdd(ended.SessionId, ended.OccurredAt))
        {
            Ended?.Invoke(ended.SessionId);
        }
    }
}

/// <summary>Wolverine's entry point for the monolith's sign-outs.</summary>
public static class SessionEndedHandler
{
    public static void Handle(SessionEnded ended, EndedSessions sessions) => sessions.End(ended);
}
