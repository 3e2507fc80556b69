using System.Collections.Concurrent;

namespace Migration.Facade.Identity;

/// <summary>
/// Sessions the monolith ended (sign-out): their cookies may still be valid, but the facade no longer vouches for them.
/// </summary>
internal sealed class EndedSessions
{
    private readonly ConcurrentDictionary<string, byte> _ended = new(StringComparer.Ordinal);

    public bool Contains(string session) => _ended.ContainsKey(session);

    public void End(string session) => _ended.TryAdd(session, 0);
}
