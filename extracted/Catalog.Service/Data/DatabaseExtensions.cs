using Migration.Messaging.Storage;

namespace Catalog.Service.Data;

internal static class DatabaseExtensions
{
    /// <summary>The service's own database (SQLite file, or PostgreSQL), which also holds its durable inbox and outbox.</summary>
    public static WebApplicationBuilder AddCatalogDatabase(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<CatalogDbContext>("Catalog", "Data Source=.data/catalog.db");
        return builder;
    }
}
