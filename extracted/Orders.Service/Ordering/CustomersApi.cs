using System.Security.Claims;
using Legacy.Store.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Orders.Service.Data;

namespace Orders.Service.Ordering;

/// <summary>The signed-in customer's orders, paged like the product list (same parameters and headers as the monolith).</summary>
internal static class CustomersApi
{
    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/customers/me").RequireAuthorization(OrderingExtensions.CustomerPolicy).WithTags("Customers");
        me.MapGet("/orders", GetMyOrders).WithName("GetMyOrders");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<OrderDto>>, ValidationProblem>> GetMyOrders(
        ClaimsPrincipal user, HttpContext context, OrdersDbContext db, string? page, string? pageSize, CancellationToken cancellationToken)
    {
        var query = ProductQuery.TryParse(page, pageSize, null, null, null, out var errors);
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var (orders, total) = await db.ListOrdersAsync(user.CustomerId(), query.Skip, query.PageSize, cancellationToken);
        PagingHeaders.Write(context, query, total);
        return TypedResults.Ok(orders);
    }
}
