using System.Security.Claims;
using Legacy.Store.Contracts;
using Legacy.Store.Customers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Legacy.Store.Orders;

internal static class OrdersApi
{
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/orders").RequireAuthorization(StoreAuth.CustomerPolicy);
        orders.MapPost("", PlaceOrder);
        orders.MapGet("/{id:int}", GetOrder);
        orders.MapPost("/{id:int}/cancel", CancelOrder);
        return app;
    }

    private static async Task<Results<Created<OrderDto>, ValidationProblem, ProblemHttpResult>> PlaceOrder(
        PlaceOrderRequest request, ClaimsPrincipal user, OrderService orders, CancellationToken cancellationToken) =>
        await orders.PlaceAsync(user.CustomerId()!.Value, request.Lines, cancellationToken) switch
        {
            PlaceOrderResult.Placed placed => TypedResults.Created($"/api/orders/{placed.Order.Id}", placed.Order),
            PlaceOrderResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            PlaceOrderResult.OutOfStock short_ => OutOfStock(short_),
            _ => throw new InvalidOperationException("unexpected result"),
        };

    private static async Task<Results<Ok<OrderDto>, NotFound>> GetOrder(
        int id, ClaimsPrincipal user, Data.StoreDbContext db, CancellationToken cancellationToken) =>
        await db.FindOrderAsync(user.CustomerId()!.Value, id, cancellationToken) is { } order
            ? TypedResults.Ok(order)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<OrderDto>, NotFound, ProblemHttpResult>> CancelOrder(
        int id, ClaimsPrincipal user, OrderService orders, CancellationToken cancellationToken) =>
        await orders.CancelAsync(user.CustomerId()!.Value, id, cancellationToken) switch
        {
            CancelOrderResult.Cancelled cancelled => TypedResults.Ok(cancelled.Order),
            CancelOrderResult.NotCancellable refused => OrderProblems.NotCancellable(id, refused.Status),
            _ => TypedResults.NotFound(),
        };

    internal static ProblemHttpResult OutOfStock(PlaceOrderResult.OutOfStock result) =>
        OrderProblems.OutOfStock(result.ProductId, result.OnHand, result.Requested);
}
