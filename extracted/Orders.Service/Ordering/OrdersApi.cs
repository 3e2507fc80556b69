using System.Security.Claims;
using Legacy.Store.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Orders.Service.Data;

namespace Orders.Service.Ordering;

/// <summary>The monolith's order API (same URLs, JSON, status codes and problems), over this service's database.</summary>
internal static class OrdersApi
{
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/orders").RequireAuthorization(OrderingExtensions.CustomerPolicy).WithTags("Orders");
        orders.MapPost("", PlaceOrder).WithName("PlaceOrder");
        orders.MapGet("/{id:int}", GetOrder).WithName("GetOrder");
        orders.MapPost("/{id:int}/cancel", CancelOrder).WithName("CancelOrder");
        return app;
    }

    private static async Task<Results<Created<OrderDto>, ValidationProblem, ProblemHttpResult>> PlaceOrder(
        PlaceOrderRequest request, ClaimsPrincipal user, HttpContext context, OrderWriter orders, CancellationToken cancellationToken) =>
        await orders.PlaceAsync(user.CustomerId(), request.Lines, cancellationToken) switch
        {
            PlaceOrderResult.Placed placed => TypedResults.Created($"/api/orders/{placed.Order.Id}", placed.Order),
            PlaceOrderResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            PlaceOrderResult.OutOfStock s => OrderProblems.OutOfStock(s.Shortage.ProductId, s.Shortage.OnHand, s.Shortage.Requested),
            PlaceOrderResult.Unavailable unavailable => Unavailable(context, unavailable),
            _ => throw new InvalidOperationException("unexpected result"),
        };

    private static async Task<Results<Ok<OrderDto>, NotFound>> GetOrder(
        int id, ClaimsPrincipal user, OrdersDbContext db, CancellationToken cancellationToken) =>
        await db.FindOrderAsync(user.CustomerId(), id, cancellationToken) is { } order
            ? TypedResults.Ok(order)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<OrderDto>, NotFound, ProblemHttpResult>> CancelOrder(
        int id, ClaimsPrincipal user, OrderWriter orders, CancellationToken cancellationToken) =>
        await orders.CancelAsync(user.CustomerId(), id, cancellationToken) switch
        {
            CancelOrderResult.Cancelled cancelled => TypedResults.Ok(cancelled.Order),
            CancelOrderResult.NotCancellable refused => OrderProblems.NotCancellable(id, refused.Status),
            _ => TypedResults.NotFound(),
        };

    // The user waited a bounded time and is told so; nothing was ordered, so trying again is safe.
    private static ProblemHttpResult Unavailable(HttpContext context, PlaceOrderResult.Unavailable unavailable)
    {
        context.Response.Headers.RetryAfter = "5";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: $"{unavailable.What} could not be confirmed; nothing was ordered.",
            detail: $"{unavailable.Reason}. Please try again in a moment.");
    }
}
