using Catalog.Service.Data;
using Legacy.Store.Contracts;
using Microsoft.EntityFrameworkCore;
using Migration.Messaging.Applied;
using Migration.Messaging.Parity;

namespace Catalog.Service.Sync;

/// <summary>What the control plane reads to judge this copy: replication lag, and the copy's side of data verify.</summary>
internal static class SyncApi
{
    public static IEndpointRouteBuilder MapSyncApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/internal/sync/lag", (ReplicationLagMonitor<CatalogDbContext> monitor) => TypedResults.Ok(monitor.Current))
            .WithTags("Sync");
        app.MapGet("/internal/sync/events", (EventLedger ledger) => TypedResults.Ok(ledger.Counts)).WithTags("Sync");
        var prefix = CatalogParity.ReplicaPrefix(CatalogParity.Dataset);
        app.MapParity(prefix + "/products", (context, from, to) =>
            context.RequestServices.GetRequiredService<CatalogDbContext>().Products.AsNoTracking()
                .Where(p => p.Id >= from && p.Id <= to).OrderBy(p => p.Id)
                .Select(p => CatalogParity.Row(p.Id, p.Name, p.Description, p.PriceCents, p.CategoryId))
                .AsAsyncEnumerable())
            .WithTags("Sync");
        app.MapParity(prefix + "/categories", (context, from, to) =>
            context.RequestServices.GetRequiredService<CatalogDbContext>().Categories.AsNoTracking()
                .Where(c => c.Id >= from && c.Id <= to).OrderBy(c => c.Id)
                .Select(c => CatalogParity.Category(c.Id, c.Slug, c.Name))
                .AsAsyncEnumerable())
            .WithTags("Sync");
        return app;
    }
}
