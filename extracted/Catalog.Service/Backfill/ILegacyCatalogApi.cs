using Legacy.Store.Contracts;
using Migration.Messaging.Applied;
using Refit;

namespace Catalog.Service.Backfill;

/// <summary>The monolith's catalog sync feed (<see cref="SyncRoutes"/>): the only way this service reads the monolith's data.</summary>
public interface ILegacyCatalogApi
{
    [Get(SyncRoutes.Categories)]
    Task<List<CategorySnapshot>> GetCategoriesAsync(CancellationToken cancellationToken = default);

    /// <remarks>Keyset pages in id order, deleted products included; <c>X-Total-Count</c> sizes the run.</remarks>
    [Get(SyncRoutes.Products)]
    Task<IApiResponse<List<ProductSnapshot>>> GetProductsAsync(int afterId, int limit, CancellationToken cancellationToken = default);

    /// <remarks>Changes strictly after <paramref name="since"/>, oldest first (see <see cref="IChangeFeed"/>).</remarks>
    [Get(SyncRoutes.Changes)]
    Task<List<ChangeMark>> GetChangesAsync([Query(Format = "O")] DateTimeOffset since, int limit, CancellationToken cancellationToken = default);
}
