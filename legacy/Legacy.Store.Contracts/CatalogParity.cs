using System.Globalization;
using Migration.Messaging.Parity;

namespace Legacy.Store.Contracts;

/// <summary>
/// The catalog fields Catalog.Service owns a copy of, as data verify compares them: the same row from the same values
/// on either side.
/// </summary>
public static class CatalogParity
{
    public const string Dataset = "catalog";

    /// <summary>What the catalog's copy holds, each table verified on its own.</summary>
    public static readonly IReadOnlyList<string> Tables = ["products", "categories"];

    /// <summary>Where the monolith serves its side of a table (<see cref="ParityEndpoints"/>); the prefix itself lists the tables.</summary>
    public const string OwnerPrefix = "/api/sync/catalog/parity";

    /// <summary>Where a service serves its copy of data set <paramref name="dataset"/>.</summary>
    public static string ReplicaPrefix(string dataset) => $"/internal/parity/{dataset}";

    public static ParityRow Category(int id, string slug, string name) => new(id, new Dictionary<string, string>
    {
        ["slug"] = slug,
        ["name"] = name,
    });

    public static ParityRow Row(int id, string name, string description, long priceCents, int categoryId) => new(id, new Dictionary<string, string>
    {
        ["name"] = name,
        ["description"] = description,
        ["priceCents"] = priceCents.ToString(CultureInfo.InvariantCulture),
        ["categoryId"] = categoryId.ToString(CultureInfo.InvariantCulture),
    });
}
