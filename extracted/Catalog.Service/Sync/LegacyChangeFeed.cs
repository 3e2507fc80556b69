using Catalog.Service.Backfill;
using Migration.Messaging.Applied;

namespace Catalog.Service.Sync;

/// <summary>The monolith's catalog change feed, read through the same Refit client as the backfill.</summary>
internal sealed class LegacyChangeFeed(ILegacyCatalogApi legacy) : IChangeFeed
{
    public async Task<IReadOnlyList<ChangeMark>> ChangesAfterAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken) =>
        await legacy.GetChangesAsync(since, limit, cancellationToken);
}
