using System.Text.Json;
using System.Text.Json.Serialization;
using Legacy.Store.Contracts;
using Refit;

namespace Orders.Service.Catalog;

/// <summary>Catalog.Service's public product API: the prices and names an order is placed at.</summary>
public interface ICatalogApi
{
    [Get("/api/products/{id}")]
    Task<IApiResponse<ProductDto>> GetProductAsync(int id, CancellationToken cancellationToken = default);
}

/// <summary>Source-generated JSON for the Refit client (web defaults, as every side of the system speaks).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ProductDto))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
