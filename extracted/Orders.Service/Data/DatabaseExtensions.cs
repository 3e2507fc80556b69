using Migration.Messaging.Storage;

namespace Orders.Service.Data;

internal static class DatabaseExtensions
{
    /// <summary>The service's own database (SQLite file, or PostgreSQL), which also holds its durable inbox and outbox.</summary>
    public static WebApplicationBuilder AddOrdersDatabase(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<OrdersDbContext>("Orders", "Data Source=.data/orders.db");
        return builder;
    }
}
