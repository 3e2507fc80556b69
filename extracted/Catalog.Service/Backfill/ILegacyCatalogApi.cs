using Legacy.Store.Contracts;
using Refit;

namespace Catalog.Service.Backfill;

/// <summary>The monolith's public catalog API, the only way this service learns the monolith's data.</summary>
public interface ILegacyCatalogApi
{
    [Get("/api/categories")]
    Task<List<CategoryDto>> GetCategoriesAsync(CancellationToken cancellationToken = default);

    /// <remarks>The response carries <c>X-Total-Count</c>, which sizes the run.</remarks>
    [Get("/api/products")]
    Task<IApiResponse<List<ProductDto>>> GetProductsAsync(int page, int pageSize, CancellationToken cancellationToken = default);
}
