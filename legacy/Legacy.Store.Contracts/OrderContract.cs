using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Legacy.Store.Contracts;

public sealed record OrderLineDto(int ProductId, string ProductName, int Quantity, decimal UnitPrice, decimal LineTotal);

/// <summary>An order as the public API shows it, whichever side answers (the monolith or Orders.Service).</summary>
public sealed record OrderDto(int Id, int CustomerId, DateTime PlacedAt, string Status, bool Cancellable, decimal Total,
    IReadOnlyList<OrderLineDto> Lines);

public sealed record OrderLineRequest(int ProductId, int Quantity);

public sealed record PlaceOrderRequest(IReadOnlyList<OrderLineRequest>? Lines);

/// <summary>An order as the API shows it, built one way on both sides: lines in the order they were placed, money from cents.</summary>
public static class OrderDtos
{
    public static OrderDto From(
        int id, int customerId, DateTime placedAtUtc, string status, bool cancellable, long totalCents, IEnumerable<OrderLineSnapshot> lines) =>
        new(id, customerId, DateTime.SpecifyKind(placedAtUtc, DateTimeKind.Utc), status, cancellable, Money.FromCents(totalCents),
            lines.Select(l => new OrderLineDto(l.ProductId, l.ProductName, l.Quantity, Money.FromCents(l.UnitPriceCents),
                Money.FromCents(l.UnitPriceCents * l.Quantity))).ToList());
}

/// <summary>The order API's problems, worded once for both sides.</summary>
public static class OrderProblems
{
    public static ProblemHttpResult OutOfStock(int productId, int onHand, int requested) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Not enough stock.",
        detail: $"Product {productId} has {onHand} on hand; {requested} requested.");

    public static ProblemHttpResult NotCancellable(int orderId, string status) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "The order can no longer be cancelled.",
        detail: $"Order {orderId} is {status}; only placed orders can be cancelled.");
}

/// <summary>The shape rules of an order, the same wherever it is placed.</summary>
public static class OrderValidation
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

    /// <summary>The error for lines naming products that do not exist (or no longer do).</summary>
    public static Dictionary<string, string[]> UnknownProducts(IEnumerable<(int Index, int ProductId)> unknown) =>
        unknown.ToDictionary(x => $"lines[{x.Index}].productId", x => new[] { $"product {x.ProductId} does not exist." });
}
