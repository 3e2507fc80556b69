namespace Legacy.Store.Contracts;

/// <summary>
/// A product as the sync feed shows it: with its version and change time, and deleted ones too, so a copy can tell
/// newer from older and learn about removals. Money in integer cents, as stored on both sides.
/// </summary>
public sealed record ProductSnapshot(
    int Id, long Version, DateTimeOffset ChangedAt, bool Deleted, string Name, string Description, long PriceCents, int CategoryId);

public sealed record CategorySnapshot(int Id, long Version, DateTimeOffset ChangedAt, string Slug, string Name);

/// <summary>Paths of the monolith's sync feed, the seam the extracted services read through.</summary>
public static class SyncRoutes
{
    public const string Products = "/api/sync/catalog/products";
    public const string Categories = "/api/sync/catalog/categories";
    public const string Changes = "/api/sync/catalog/changes";

    /// <summary>Largest page of the products and changes feeds.</summary>
    public const int MaxLimit = 1000;
}
