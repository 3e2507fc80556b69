namespace Migration.Messaging.Events;

public sealed record CustomerChanged(
    Guid EventId, int CustomerId, long Version, DateTimeOffset OccurredAt, EventOrigin Origin, string Email, string Name)
    : IIntegrationEvent
{
    public string Stream => Streams.Customer;

    int IIntegrationEvent.AggregateId => CustomerId;
}

public sealed record OrderLineState(int ProductId, string ProductName, long UnitPriceCents, int Quantity);

public sealed record OrderPlaced(
    Guid EventId, int OrderId, long Version, DateTimeOffset OccurredAt, EventOrigin Origin,
    int CustomerId, DateTimeOffset PlacedAt, long TotalCents, IReadOnlyList<OrderLineState> Lines)
    : IIntegrationEvent
{
    public string Stream => Streams.Order;

    int IIntegrationEvent.AggregateId => OrderId;
}

public sealed record OrderCancelled(
    Guid EventId, int OrderId, long Version, DateTimeOffset OccurredAt, EventOrigin Origin, int CustomerId)
    : IIntegrationEvent
{
    public string Stream => Streams.Order;

    int IIntegrationEvent.AggregateId => OrderId;
}
