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

    /// <summary>Where the monolith serves its side (<see cref="ParityEndpoints"/>).</summary>
    public const string OwnerPrefix = "/api/sync/catalog/parity";

    /// <summary>Where a service serves its copy of data set <paramref name="dataset"/>.</summary>
    public static string ReplicaPrefix(string dataset) => $"/internal/parity/{dataset}";

    public static ParityRow Row(int id, string name, string description, long priceCents, int categoryId) => new(id, new Dictionary<string, string>
    {
        ["name"] = name,
        ["description"] = description,
        ["priceCents"] = priceCents.ToString(CultureInfo.InvariantCulture),
        ["categoryId"] = categoryId.ToString(CultureInfo.InvariantCulture),
    });
}
