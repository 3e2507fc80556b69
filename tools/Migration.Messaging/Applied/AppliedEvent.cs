namespace Migration.Messaging.Applied;

/// <summary>
/// What one consumer has applied of one aggregate: the newest version and the event that brought it. Lives in the
/// consumer's own database, written in the same transaction as the change the event caused.
/// </summary>
public sealed class AppliedEvent
{
    public required string Stream { get; set; }
    public int AggregateId { get; set; }
    public long Version { get; set; }
    public Guid EventId { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset AppliedAt { get; set; }
}
