namespace Orders.Service.Data;

/// <summary>The monolith's order states, by the same names (they travel in events and JSON as text).</summary>
internal enum OrderStatus
{
    Placed,
    Shipped,
    Delivered,
    Cancelled,
}

/// <summary>
/// An order, whichever side placed it: ids below <c>OrderNumbering.ServiceRangeStart</c> are the monolith's, from it
/// up this service's own (its identity starts there).
/// </summary>
internal sealed class Order
{
    public int Id { get; set; }
    public int CustomerId { get; set; }

    /// <summary>UTC, to the millisecond on both sides.</summary>
    public DateTime PlacedAt { get; set; }
    public OrderStatus Status { get; set; }
    public long TotalCents { get; set; }
    public List<OrderLine> Lines { get; set; } = [];

    /// <summary>The order's version on both sides: 1 when placed, one more on every change (a concurrency token).</summary>
    public long Version { get; set; } = 1;

    /// <summary>UTC time of the last change.</summary>
    public DateTime ChangedAt { get; set; }

    /// <summary>The monolith's stock reservation this order holds, when this service placed it.</summary>
    public Guid? ReservationId { get; set; }

    public bool IsCancellable => Status == OrderStatus.Placed;
}

internal sealed class OrderLine
{
    public int Id { get; set; }
    public int OrderId { get; set; }
    public int ProductId { get; set; }

    /// <summary>Name and price as they were when ordered.</summary>
    public required string ProductName { get; set; }
    public long UnitPriceCents { get; set; }
    public int Quantity { get; set; }
}

/// <summary>How far the last backfill run got; a single row (<see cref="SingletonId"/>).</summary>
internal sealed class BackfillCheckpoint : Migration.Messaging.Backfill.IBackfillCheckpoint
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public int LastCompletedPage { get; set; }

    /// <summary>The highest order id copied so far: the next page starts after it (keyset paging).</summary>
    public int LastOrderId { get; set; }
    public int TotalPages { get; set; }
    public int ItemsCopied { get; set; }
    public int TotalItems { get; set; }
    public bool Completed { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
