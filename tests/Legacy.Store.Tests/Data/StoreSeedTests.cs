using System.Text.Json;
using Legacy.Store.Data.Seed;
using Legacy.Store.Orders;

namespace Legacy.Store.Tests.Data;

public sealed class StoreSeedTests
{
    private static readonly JsonSerializerOptions Json = new() { ReferenceHandler = System.Text.Json.Serialization.ReferenceHandler.IgnoreCycles };

    [Fact]
    public void The_same_seed_builds_the_same_store()
    {
        var first = JsonSerializer.Serialize(StoreSeed.Create("a", "b"), Json);
        var second = JsonSerializer.Serialize(StoreSeed.Create("a", "b"), Json);

        Assert.Equal(first, second);
    }

    [Fact]
    public void The_store_has_the_documented_size()
    {
        var seed = StoreSeed.Create("a", "b");

        Assert.Equal(20, seed.Categories.Count);
        Assert.Equal(1000, seed.Products.Count);
        Assert.All(seed.Products.GroupBy(p => p.CategoryId), g => Assert.Equal(50, g.Count()));
        Assert.Equal(1000, seed.Stock.Count);
        Assert.Equal(200, seed.Customers.Count);
        Assert.Single(seed.Staff);
        Assert.Equal(5000, seed.Orders.Count);
        Assert.True(seed.Orders.Sum(o => o.Lines.Count) > 5000);
    }

    [Fact]
    public void Demo_accounts_are_the_documented_ones_and_share_one_hash_per_password()
    {
        var seed = StoreSeed.Create("customer-hash", "staff-hash");

        Assert.Equal(Enumerable.Range(1, 200).Select(n => $"customer{n}@example.com"), seed.Customers.Select(c => c.Email));
        Assert.All(seed.Customers, c => Assert.Equal("customer-hash", c.PasswordHash));
        Assert.Equal(("staff@example.com", "staff-hash"), (seed.Staff[0].Email, seed.Staff[0].PasswordHash));
    }

    [Fact]
    public void Data_is_consistent()
    {
        var seed = StoreSeed.Create("a", "b");
        var products = seed.Products.ToDictionary(p => p.Id);

        Assert.Equal(Enumerable.Range(1, 1000), seed.Products.Select(p => p.Id));
        Assert.Equal(seed.Products.Count, seed.Products.Select(p => p.Sku).Distinct().Count());
        Assert.All(seed.Products, p => Assert.True(p.PriceCents > 0 && p.PriceCents % 100 is 49 or 99, p.Name));
        Assert.Contains(seed.Stock, s => s.OnHand == 0);
        Assert.All(seed.Orders, o =>
        {
            Assert.NotEmpty(o.Lines);
            Assert.Equal(o.Lines.Sum(l => l.UnitPriceCents * l.Quantity), o.TotalCents);
            Assert.All(o.Lines, l => Assert.Equal(products[l.ProductId].Name, l.ProductName));
            Assert.InRange(o.CustomerId, 1, 200);
        });
        Assert.Equal(seed.Orders.Select(o => o.PlacedAt).Order(), seed.Orders.Select(o => o.PlacedAt));
        Assert.Contains(seed.Orders, o => o.Status == OrderStatus.Placed);
        Assert.Contains(seed.Orders, o => o.Status == OrderStatus.Cancelled);
    }
}
