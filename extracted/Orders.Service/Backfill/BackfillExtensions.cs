using Microsoft.Extensions.Options;
using Migration.Messaging.Backfill;
using Refit;

namespace Orders.Service.Backfill;

internal static class BackfillExtensions
{
    public static WebApplicationBuilder AddBackfill(this WebApplicationBuilder builder)
    {
        // Generated-only: Refit 16's AddRefitClient<T>() would need the Refit.Reflection package at run time.
        builder.Services.AddRefitGeneratedClient<ILegacyOrdersApi>(LegacyOrdersJsonContext.Default)
            .ConfigureHttpClient((services, client) =>
                client.BaseAddress = new Uri(services.GetRequiredService<IOptions<LegacyOptions>>().Value.BaseUrl));
        builder.Services.AddBackfillRun<OrdersBackfill>(OrdersBackfill.ServiceName);
        return builder;
    }
}
