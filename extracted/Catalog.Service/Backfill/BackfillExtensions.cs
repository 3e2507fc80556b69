using Microsoft.Extensions.Options;
using Migration.Messaging.Backfill;
using Refit;

namespace Catalog.Service.Backfill;

internal static class BackfillExtensions
{
    public static WebApplicationBuilder AddBackfill(this WebApplicationBuilder builder)
    {

        // Generated-only: Refit 16's AddRefitClient<T>() would need the Refit.Reflection package at run time.
        builder.Services.AddRefitGeneratedClient<ILegacyCatalogApi>(LegacyCatalogJsonContext.Default)
            .ConfigureHttpClient((services, client) =>
                client.BaseAddress = new Uri(services.GetRequiredService<IOptions<LegacyOptions>>().Value.BaseUrl));

        builder.Services.AddBackfillRun<CatalogBackfill>(CatalogBackfill.ServiceName);
        return builder;
    }
}
