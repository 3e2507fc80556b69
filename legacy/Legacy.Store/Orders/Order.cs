namespace Legacy.Store.Orders;

internal enum OrderStatus
{
    Placed,
    Shipped,
    Delivered,
    Cancelled,
}

internal sealed class Order : Sync.IVersionedRow
{
    public int Id { get; set; }
    public int CustomerId { get; set; }

    /// <summary>UTC; a DateTime rather than DateTimeOffset because SQLite cannot order by the latter.</summary>
    public DateTime PlacedAt { get; set; }
    public OrderStatus Status { get; set; }
    public long TotalCents { get; set; }
    public List<OrderLine> Lines { get; set; } = [];

    /// <summary>1 when placed, one more on every change; carried by the order's events, whichever side wrote it.</summary>
    public long Version { get; set; } = 1;

    /// <summary>
    /// Whether the order holds its lines' stock, so that cancelling it returns that stock. False only for an order written
    /// by a service that reached the monolith when its stock was gone (oversold, logged as an error).
    /// </summary>
    public bool HoldsStock { get; set; } = true;

    /// <summary>UTC time of the last change: the order change feed Orders.Service measures its lag against.</summary>
    public DateTime ChangedAt { get; set; }

    /// <summary>Only orders not yet handed to the carrier can be cancelled.</summary>
    public bool IsCancellable => Status == OrderStatus.Placed;
}

internal sealed class OrderLine
{
    public int Id { get; set; }
    public int OrderId { get; set; }
    public int ProductId { get; set; }

    /// <summary>Name and price as they were when ordered; later catalog changes do not rewrite history.</summary>
    public required string ProductName { get; set; }
    public long UnitPriceCents { get; set; }
    public int Quantity { get; set; }
}
