namespace Legacy.Store.Orders;

internal sealed record OrderLineDto(int ProductId, string ProductName, int Quantity, decimal UnitPrice, decimal LineTotal);

internal sealed record OrderDto(int Id, int CustomerId, DateTime PlacedAt, string Status, bool Cancellable, decimal Total,
    IReadOnlyList<OrderLineDto> Lines);

internal sealed record OrderLineRequest(int ProductId, int Quantity);

internal sealed record PlaceOrderRequest(IReadOnlyList<OrderLineRequest>? Lines);
