namespace Legacy.Store.Contracts;

/// <summary>A product as the public API shows it. Money travels as a decimal with cents precision.</summary>
public sealed record ProductDto(int Id, string Name, string Description, decimal Price, int CategoryId, string CategorySlug);

public sealed record CategoryDto(int Id, string Slug, string Name, int ProductCount);

public static class Money
{
    // Stored as integer cents on every side so that the JSON number is written identically everywhere.
    public static decimal FromCents(long cents) => cents / 100m;

    public static long ToCents(decimal price) => (long)decimal.Round(price * 100m, 0, MidpointRounding.AwayFromZero);
}
