namespace Legacy.Store.Orders;

internal static class OrderValidation
{
    public const int MaxLines = 50;
    public const int MaxQuantity = 100;

    /// <summary>Shape checks that need no database; null when the request is well formed.</summary>
    public static Dictionary<string, string[]>? Validate(IReadOnlyList<OrderLineRequest>? lines)
    {
        if (lines is null || lines.Count == 0)
        {
            return new() { ["lines"] = ["an order needs at least one line."] };
        }
        if (lines.Count > MaxLines)
        {
            return new() { ["lines"] = [$"an order has at most {MaxLines} lines."] };
        }
        var errors = new Dictionary<string, string[]>();
        var seen = new HashSet<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is null)
            {
                errors[$"lines[{i}]"] = ["a line needs a productId and a quantity."];
                continue;
            }
            if (lines[i].Quantity is < 1 or > MaxQuantity)
            {
                errors[$"lines[{i}].quantity"] = [$"quantity must be from 1 to {MaxQuantity}."];
            }
            if (!seen.Add(lines[i].ProductId))
            {
                errors[$"lines[{i}].productId"] = ["each product appears on one line only."];
            }
        }
        return errors.Count > 0 ? errors : null;
    }
}
