namespace Legacy.Store.Inventory;

/// <summary>Units on hand of one product; the only place stock lives.</summary>
internal sealed class StockItem
{
    public int ProductId { get; set; }
    public int OnHand { get; set; }
}
