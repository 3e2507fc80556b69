namespace Migration.Messaging.Events;

public sealed record CustomerChanged(
    Guid EventId, int CustomerId, long Version, DateTimeOffset OccurredAt, EventOrigin Origin, string Email, string Name)
    : IIntegrationEvent
{
    public string Stream => Streams.Customer;

    int IIntegrationEvent.AggregateId => CustomerId;
}

public sealed record OrderLineState(int ProductId, string ProductName, long UnitPriceCents, int Quantity);

/// <summary>
/// An order was placed on whichever side owns order writes for its customer. <see cref="ReservationId"/> names the stock
/// the monolith holds for it (null when the monolith placed it and took the stock in the same transaction).
/// </summary>
public sealed record OrderPlaced(
    Guid EventId, int OrderId, long Version, DateTimeOffset OccurredAt, EventOrigin Origin,
    int CustomerId, DateTimeOffset PlacedAt, long TotalCents, IReadOnlyList<OrderLineState> Lines, Guid? ReservationId)
    : IIntegrationEvent
{
    public string Stream => Streams.Order;

    int IIntegrationEvent.AggregateId => OrderId;
}

/// <summary>The order was cancelled; the monolith returns its stock (once, whichever side cancelled).</summary>
public sealed record OrderCancelled(
    Guid EventId, int OrderId, long Version, DateTimeOffset OccurredAt, EventOrigin Origin, int CustomerId)
    : IIntegrationEvent
{
    public string Stream => Streams.Order;

    int IIntegrationEvent.AggregateId => OrderId;
}

/// <summary>
/// The one id scheme of orders on both sides: the monolith numbers below <see cref="ServiceRangeStart"/>, Orders.Service
/// from it. An order keeps its integer id forever, whichever side created it.
/// </summary>
public static class OrderNumbering
{
    public const int ServiceRangeStart = 1_000_000_000;
}
