namespace Legacy.Store.Inventory;

/// <summary>Units on hand of one product; the only place stock lives.</summary>
internal sealed class StockItem
{
    public int ProductId { get; set; }
    public int OnHand { get; set; }

    /// <summary>One more on every movement; carried by <c>StockChanged</c>.</summary>
    public long Version { get; set; } = 1;
}
