namespace Legacy.Store.Inventory;

internal enum ReservationStatus
{
    /// <summary>Stock is taken off <see cref="StockItem.OnHand"/> and waits for its order.</summary>
    Held,

    /// <summary>Its order arrived: the stock is the order's now.</summary>
    Committed,

    /// <summary>Given back (the order failed, never came in time), or a tombstone for a release that arrived first.</summary>
    Released,

    /// <summary>Nothing was taken (short of stock, or not a valid order); kept so a repeated request gets the same answer.</summary>
    Refused,
}

/// <summary>Stock a service asked the monolith to hold for an order it is placing (request/reply over the broker).</summary>
internal sealed class StockReservation
{
    public Guid Id { get; set; }
    public ReservationStatus Status { get; set; }

    /// <summary>UTC; a held reservation whose order never arrives is released after <c>Inventory:ReservationHold</c>.</summary>
    public DateTime HeldAt { get; set; }

    /// <summary>The order that took the stock over, once committed.</summary>
    public int? OrderId { get; set; }

    /// <summary>Why a refused reservation was refused: the short line, or what made the request invalid.</summary>
    public int? ShortProductId { get; set; }
    public int? ShortOnHand { get; set; }
    public int? ShortRequested { get; set; }
    public string? Problem { get; set; }

    public List<StockReservationLine> Lines { get; set; } = [];
}

internal sealed class StockReservationLine
{
    public Guid ReservationId { get; set; }
    public int ProductId { get; set; }
    public int Quantity { get; set; }
}
