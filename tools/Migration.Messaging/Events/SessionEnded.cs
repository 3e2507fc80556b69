namespace Migration.Messaging.Events;

/// <summary>
/// A user signed out of the monolith: the facade stops turning that session's cookie into service tokens. Not an
/// aggregate's event (sessions have no versions); applying it twice changes nothing.
/// </summary>
public sealed record SessionEnded(Guid EventId, string SessionId, int UserId, DateTimeOffset OccurredAt);
