namespace Migration.Messaging.Applied;

/// <summary>One aggregate's newest version at its owner, and when it changed: what replication lag is measured against.</summary>
public sealed record ChangeMark(string Stream, int Id, long Version, DateTimeOffset ChangedAt);

/// <summary>
/// The owner's recent changes, oldest first: those changed strictly after <c>since</c>, at most about <c>limit</c> of
/// them but never cutting a group of changes that share one time (so a cursor can always move past a whole group).
/// </summary>
public interface IChangeFeed
{
    Task<IReadOnlyList<ChangeMark>> ChangesAfterAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken);
}

/// <summary>A consumer's replication lag: the age of the oldest change at the owner it has not applied yet (0 when none).</summary>
public sealed record LagReport(string Consumer, double? LagSeconds, int Pending, DateTimeOffset? OldestPendingAt, DateTimeOffset? CheckedAt, string? Error)
{
    public static LagReport NotYetMeasured(string consumer) => new(consumer, null, 0, null, null, "not measured yet");
}
