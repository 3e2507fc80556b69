using Microsoft.EntityFrameworkCore;
using Migration.Messaging.Events;
using Orders.Service.Data;
using Orders.Service.Tests.Infrastructure;

namespace Orders.Service.Tests.Data;

/// <summary>The migrations: one id scheme on both sides, the monolith's below the service's range.</summary>
public sealed class OrderNumberingTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task The_first_own_order_is_the_range_start_even_after_copies_of_the_monoliths_orders()
    {
        await using (var db = await _database.OpenAsync())
        {
            db.Orders.AddRange(Order(1), Order(5), Order(OrderNumbering.ServiceRangeStart - 1));
            await db.SaveChangesAsync();
        }

        await using var own = await _database.OpenAsync();
        var first = Order(0);
        var second = Order(0);
        own.Orders.Add(first);
        await own.SaveChangesAsync();
        own.Orders.Add(second);
        await own.SaveChangesAsync();

        Assert.Equal((OrderNumbering.ServiceRangeStart, OrderNumbering.ServiceRangeStart + 1), (first.Id, second.Id));
        Assert.Equal(5, await own.Orders.CountAsync());
    }

    [Fact]
    public async Task The_migrations_cover_the_model()
    {
        await using var db = await _database.OpenAsync();

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration.");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    private static Order Order(int id) => new()
    {
        Id = id,
        CustomerId = 3,
        PlacedAt = DateTime.UtcNow,
        ChangedAt = DateTime.UtcNow,
        Lines = [new OrderLine { ProductId = 1, ProductName = "Blue Mug", UnitPriceCents = 500, Quantity = 1 }],
        TotalCents = 500,
    };

    public void Dispose() => _database.Dispose();
}
