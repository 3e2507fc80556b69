namespace Migration.Messaging.Events;

/// <summary>
/// A product's fields after the change. Every product event carries all of them (event-carried state transfer), so
/// "the newest version wins" converges whatever order events arrive in, and a consumer that missed one loses nothing.
/// </summary>
public sealed record ProductState(string Name, string Description, long PriceCents, int CategoryId);

public sealed record ProductCreated(
    Guid EventId, int ProductId, long Version, DateTimeOffset OccurredAt, EventOrigin Origin, ProductState Product)
    : IIntegrationEvent
{
    public string Stream => Streams.Product;

    int IIntegrationEvent.AggregateId => ProductId;
}

/// <summary>Name, description or category changed.</summary>
public sealed record ProductChanged(
    Guid EventId, int ProductId, long Version, DateTimeOffset OccurredAt, EventOrigin Origin, ProductState Product)
    : IIntegrationEvent
{
    public string Stream => Streams.Product;

    int IIntegrationEvent.AggregateId => ProductId;
}

public sealed record PriceChanged(
    Guid EventId, int ProductId, long Version, DateTimeOffset OccurredAt, EventOrigin Origin,
    long PreviousPriceCents, ProductState Product)
    : IIntegrationEvent
{
    public string Stream => Streams.Product;

    int IIntegrationEvent.AggregateId => ProductId;
}

/// <summary>The product is gone; later events of older versions must not bring it back.</summary>
public sealed record ProductDeleted(Guid EventId, int ProductId, long Version, DateTimeOffset OccurredAt, EventOrigin Origin)
    : IIntegrationEvent
{
    public string Stream => Streams.Product;

    int IIntegrationEvent.AggregateId => ProductId;
}

public sealed record CategoryChanged(
    Guid EventId, int CategoryId, long Version, DateTimeOffset OccurredAt, EventOrigin Origin, string Slug, string Name)
    : IIntegrationEvent
{
    public string Stream => Streams.Category;

    int IIntegrationEvent.AggregateId => CategoryId;
}

public sealed record StockChanged(
    Guid EventId, int ProductId, long Version, DateTimeOffset OccurredAt, EventOrigin Origin, int OnHand)
    : IIntegrationEvent
{
    public string Stream => Streams.Stock;

    int IIntegrationEvent.AggregateId => ProductId;
}
