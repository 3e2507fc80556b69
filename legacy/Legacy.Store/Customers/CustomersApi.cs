using System.Security.Claims;
using Legacy.Store.Contracts;
using Legacy.Store.Data;
using Legacy.Store.Orders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Legacy.Store.Customers;

internal sealed record CustomerDto(int Id, string Email, string FullName, string City, DateTime JoinedAt);

internal static class CustomersApi
{
    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/customers/me").RequireAuthorization(StoreAuth.CustomerPolicy);
        me.MapGet("", GetMe);
        me.MapGet("/orders", GetMyOrders);
        return app;
    }

    private static async Task<Results<Ok<CustomerDto>, NotFound>> GetMe(
        ClaimsPrincipal user, StoreDbContext db, CancellationToken cancellationToken)
    {
        var id = user.CustomerId();
        var customer = await db.Customers.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new CustomerDto(c.Id, c.Email, c.FullName, c.City, c.JoinedAt))
            .SingleOrDefaultAsync(cancellationToken);
        return customer is null ? TypedResults.NotFound() : TypedResults.Ok(customer);
    }

    /// <summary>Paged like the product list (same parameters, same <c>Link</c>/<c>X-Total-Count</c> headers).</summary>
    private static async Task<Results<Ok<IReadOnlyList<OrderDto>>, ValidationProblem>> GetMyOrders(
        ClaimsPrincipal user, HttpContext context, StoreDbContext db, string? page, string? pageSize,
        CancellationToken cancellationToken)
    {
        var query = ProductQuery.TryParse(page, pageSize, null, null, null, out var errors);
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var (orders, total) = await db.ListOrdersAsync(user.CustomerId()!.Value, query.Skip, query.PageSize, cancellationToken);
        PagingHeaders.Write(context, query, total);
        return TypedResults.Ok(orders);
    }
}
