namespace Catalog.Service.Data;

// Ids are the monolith's: the backfill copies them, so the same URL names the same product on both sides.
internal sealed class Category
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public List<Product> Products { get; } = [];
}

internal sealed class Product
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }

    // Integer cents: SQLite cannot order decimals, and cents serialize identically to the monolith's.
    public long PriceCents { get; set; }
    public int CategoryId { get; set; }
    public Category Category { get; set; } = null!;
}

/// <summary>How far the last backfill run got; a single row (<see cref="SingletonId"/>).</summary>
internal sealed class BackfillCheckpoint : Migration.Messaging.Backfill.IBackfillCheckpoint
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public int LastCompletedPage { get; set; }

    /// <summary>The highest product id copied so far: the next page starts after it (keyset paging).</summary>
    public int LastProductId { get; set; }
    public int TotalPages { get; set; }
    public int ItemsCopied { get; set; }
    public int TotalItems { get; set; }
    public bool Completed { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
