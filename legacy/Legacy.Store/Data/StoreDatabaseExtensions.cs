using Legacy.Store.Data.Seed;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Migration.Messaging.Storage;

namespace Legacy.Store.Data;

internal static class StoreDatabaseExtensions
{
    public const string ConnectionStringName = "Store";

    /// <summary>Registers the database, its initializer (migrate + seed) and data-protection keys next to it.</summary>
    public static WebApplicationBuilder AddStoreDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var location = StoreDatabaseLocation.Of(builder);
        builder.Services.AddDbContext<StoreDbContext>(o => o.UseDatabase(location.Provider, location.ConnectionString));
        builder.Services.AddSingleton<StoreSeeder>();
        builder.Services.AddHostedService<StoreDatabaseInitializer>();

        // Keys live beside the database so sign-in cookies survive a restart of the store.
        builder.Services.AddDataProtection().SetApplicationName("Legacy.Store");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o =>
            {
                if (sp.GetRequiredService<StoreDatabaseLocation>().DataDirectory is { } directory)
                {
                    o.XmlRepository = new FileSystemXmlRepository(
                        new DirectoryInfo(Path.Combine(directory, "keys")), sp.GetRequiredService<ILoggerFactory>());
                }
            }));
        return builder;
    }
}
