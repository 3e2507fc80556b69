using Legacy.Store.Catalog;
using Legacy.Store.Customers;
using Legacy.Store.Inventory;
using Legacy.Store.Orders;
using static Legacy.Store.Data.Seed.SeedVocabulary;

namespace Legacy.Store.Data.Seed;

internal sealed record SeedSet(
    IReadOnlyList<Category> Categories,
    IReadOnlyList<Product> Products,
    IReadOnlyList<StockItem> Stock,
    IReadOnlyList<Customer> Customers,
    IReadOnlyList<StaffMember> Staff,
    IReadOnlyList<Order> Orders);

/// <summary>
/// Builds the demo data in memory. Same seed, same store: ids, names, prices and orders are identical on every
/// machine, which is what lets the extracted services and the tests compare against the monolith.
/// </summary>
internal static class StoreSeed
{
    public const int Seed = 20_240_601;
    public const int ProductsPerCategory = 50;
    public const int OrderCount = 5_000;
    public static readonly DateTime FirstOrderAt = new(2024, 1, 1, 8, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime LastOrderAt = new(2025, 11, 30, 20, 0, 0, DateTimeKind.Utc);

    public static SeedSet Create(string customerPasswordHash, string staffPasswordHash)
    {
        var random = new Random(Seed);
        var categories = Categories
            .Select((c, i) => new Category { Id = i + 1, Slug = c.Slug, Name = c.Name, ChangedAt = FirstOrderAt })
            .ToList();
        var products = CreateProducts(random);
        var stock = products
            .Select(p => new StockItem { ProductId = p.Id, OnHand = random.Next(100) < 3 ? 0 : random.Next(5, 251) })
            .ToList();
        var customers = Enumerable.Range(1, DemoAccounts.CustomerCount).Select(n => new Customer
        {
            Id = n,
            Email = DemoAccounts.CustomerEmail(n),
            FullName = $"{Pick(random, FirstNames)} {Pick(random, LastNames)}",
            City = Pick(random, Cities),
            PasswordHash = customerPasswordHash,
            JoinedAt = FirstOrderAt.AddDays(-random.Next(1, 900)),
        }).ToList();
        StaffMember[] staff =
            [new() { Id = 1, Email = DemoAccounts.StaffEmail, FullName = "Sam Storekeeper", PasswordHash = staffPasswordHash }];
        var orders = CreateOrders(random, products);
        return new SeedSet(categories, products, stock, customers, staff, orders);
    }

    private static List<Product> CreateProducts(Random random)
    {
        var products = new List<Product>(Categories.Length * ProductsPerCategory);
        for (var c = 0; c < Categories.Length; c++)
        {
            var category = Categories[c];
            var names = new HashSet<string>(StringComparer.Ordinal);
            while (names.Count < ProductsPerCategory)
            {
                names.Add($"{Pick(random, Brands)} {Pick(random, Adjectives)} {Pick(random, category.Nouns)}");
            }
            foreach (var name in names)
            {
                var id = products.Count + 1;
                // Most products sit at the cheap end of their range; shop prices end in .49 or .99.
                var spread = category.MaxCents - category.MinCents;
                var dollars = (category.MinCents + (int)(spread * Math.Pow(random.NextDouble(), 3))) / 100;
                var cents = dollars * 100 + (random.Next(2) == 0 ? 49 : 99);
                products.Add(new Product
                {
                    Id = id,
                    Sku = $"{category.Slug[..3].ToUpperInvariant()}-{id:D5}",
                    Name = name,
                    Description = $"{name} from our {category.Name.ToLowerInvariant()} range. {Pick(random, Qualities)}",
                    PriceCents = cents,
                    CategoryId = c + 1,
                    ChangedAt = FirstOrderAt,
                });
            }
        }
        return products;
    }

    private static List<Order> CreateOrders(Random random, List<Product> products)
    {
        var span = (LastOrderAt - FirstOrderAt).TotalMinutes;
        var times = Enumerable.Range(0, OrderCount)
            .Select(_ => FirstOrderAt.AddMinutes(Math.Floor(random.NextDouble() * span)))
            .Order()
            .ToList();
        var orders = new List<Order>(OrderCount);
        var lineId = 0;
        foreach (var placedAt in times)
        {
            var lineCount = 1 + random.Next(4);
            var picked = new HashSet<int>();
            var lines = new List<OrderLine>(lineCount);
            while (lines.Count < lineCount)
            {
                var product = products[random.Next(products.Count)];
                if (!picked.Add(product.Id)) continue;
                lines.Add(new OrderLine
                {
                    Id = ++lineId,
                    OrderId = orders.Count + 1,
                    ProductId = product.Id,
                    ProductName = product.Name,
                    UnitPriceCents = product.PriceCents,
                    Quantity = random.Next(10) < 7 ? 1 : random.Next(2, 5),
                });
            }
            orders.Add(new Order
            {
                Id = orders.Count + 1,
                CustomerId = 1 + random.Next(DemoAccounts.CustomerCount),
                PlacedAt = placedAt,
                Status = StatusFor(random, placedAt),
                TotalCents = lines.Sum(l => l.UnitPriceCents * l.Quantity),
                Lines = lines,
            });
        }
        return orders;
    }

    private static OrderStatus StatusFor(Random random, DateTime placedAt)
    {
        var ageDays = (LastOrderAt - placedAt).TotalDays;
        if (random.Next(100) < 4) return OrderStatus.Cancelled;
        return ageDays switch
        {
            < 3 => OrderStatus.Placed,
            < 10 => OrderStatus.Shipped,
            _ => OrderStatus.Delivered,
        };
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
