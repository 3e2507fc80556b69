using System.Globalization;
using Migration.Messaging.Parity;

namespace Legacy.Store.Contracts;

public sealed record OrderLineSnapshot(int ProductId, string ProductName, long UnitPriceCents, int Quantity);

/// <summary>An order as the sync feed shows it, with its version and change time; money in integer cents.</summary>
public sealed record OrderSnapshot(
    int Id, long Version, DateTimeOffset ChangedAt, int CustomerId, DateTimeOffset PlacedAt, string Status, long TotalCents,
    IReadOnlyList<OrderLineSnapshot> Lines);

/// <summary>The monolith's order feed and the fields of orders data verify compares, the same on either side.</summary>
public static class OrderParity
{
    public const string Dataset = "orders";

    public const string Orders = "/api/sync/orders/orders";
    public const string Changes = "/api/sync/orders/changes";

    /// <summary>Orders, and their lines (one row per order, its lines in product order: each side numbers lines its own way).</summary>
    public static readonly IReadOnlyList<string> Tables = ["orders", "order_lines"];

    public const string OwnerPrefix = "/api/sync/orders/parity";

    public static ParityRow Order(int id, int customerId, DateTime placedAtUtc, string status, long totalCents) => new(id, new Dictionary<string, string>
    {
        ["customerId"] = customerId.ToString(CultureInfo.InvariantCulture),
        // Milliseconds: the two databases keep different sub-millisecond precision.
        ["placedAt"] = placedAtUtc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        ["status"] = status,
        ["totalCents"] = totalCents.ToString(CultureInfo.InvariantCulture),
    });

    public static ParityRow Lines(int orderId, IEnumerable<OrderLineSnapshot> lines) => new(orderId, new Dictionary<string, string>
    {
        ["lines"] = string.Join("; ", lines.OrderBy(l => l.ProductId).Select(l =>
            string.Create(CultureInfo.InvariantCulture, $"{l.ProductId} x{l.Quantity} @{l.UnitPriceCents} {l.ProductName}"))),
    });
}
