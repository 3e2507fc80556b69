namespace Migration.Messaging.Events;

/// <summary>
/// Which side made a change. Two-way sync never echoes: a side ignores events that carry its own origin.
/// </summary>
public enum EventOrigin
{
    Monolith,
    Catalog,
    Orders,
}

/// <summary>
/// What every integration event carries, so a consumer can apply it idempotently (<see cref="EventId"/>) and never
/// put an older state over a newer one (<see cref="Version"/> is per aggregate, 1 for its creation).
/// </summary>
public interface IIntegrationEvent
{
    Guid EventId { get; }

    /// <summary>The aggregate's kind, e.g. <c>product</c>: versions are counted per kind and id.</summary>
    string Stream { get; }

    int AggregateId { get; }

    long Version { get; }

    DateTimeOffset OccurredAt { get; }

    EventOrigin Origin { get; }
}

/// <summary>Times that both sides store: kept to the millisecond, what every database of the system holds alike.</summary>
public static class EventTimes
{
    public static DateTime UtcMillisecond(TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
