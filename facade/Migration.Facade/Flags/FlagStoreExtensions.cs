using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.FeatureManagement;
using Migration.Facade.Hosting;
using Migration.Messaging.Storage;
using Yarp.ReverseProxy.Configuration;

namespace Migration.Facade.Flags;

internal static class FlagStoreExtensions
{
    /// <summary>
    /// The flag store (SQLite or PostgreSQL), its poller, and Microsoft.FeatureManagement fed from the snapshot, on the
    /// control plane; the data plane decides from the same in-memory snapshot and slice settings.
    /// </summary>
    public static FacadeBuilder AddFlagStore(this FacadeBuilder facade)
    {
        var builder = facade.ControlPlane;
        builder.Services.AddOptions<FlagStoreOptions>()
            .BindConfiguration(FlagStoreOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var (provider, connectionString) = FlagStoreLocation.Of(builder);
        builder.Services.AddDbContextFactory<FlagDbContext>(o => o.UseDatabase(provider, connectionString));

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SliceSnapshotHolder>();
        // Every slice's settings (SLOs, shadow rules, fallback timeouts), bound once here and validated at start by one
        // validator, whichever features read them.
        builder.Services.AddOptions<SliceSettingsOptions>().BindConfiguration(SliceSettingsOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SliceSettingsOptions>, SliceSettingsValidator>();
        builder.Services.AddSingleton(sp => new SliceCatalog(sp.GetRequiredService<IProxyConfigProvider>()));
        builder.Services.AddSingleton<FlagDbContextInitializer>();
        builder.Services.AddSingleton<FlagStore>();
        builder.Services.AddSingleton<FlagStoreHealth>();
        builder.Services.AddSingleton<SnapshotFile>();
        builder.Services.AddHealthChecks().AddCheck<FlagStoreHealth>("flag-store");
        builder.Services.AddSingleton<FlagStoreInitializer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FlagStoreInitializer>());
        builder.Services.AddHostedService<FlagStorePoller>();

        // Registered before AddFeatureManagement so it replaces the configuration-based provider.
        builder.Services.AddSingleton<IFeatureDefinitionProvider, SliceFeatureDefinitionProvider>();
        builder.Services.AddFeatureManagement();
        facade.ShareWithDataPlane<SliceSnapshotHolder>().ShareWithDataPlane<IOptions<SliceSettingsOptions>>().ShareWithDataPlane<TimeProvider>();
        return facade;
    }
}

/// <summary>The flag store's database, resolved once per host: the flags and (when the facade is on the bus) its inbox.</summary>
internal sealed record FlagStoreLocation(DatabaseProvider Provider, string ConnectionString)
{
    public static FlagStoreLocation Of(WebApplicationBuilder builder)
    {
        var properties = ((IHostApplicationBuilder)builder).Properties;
        if (properties.TryGetValue(typeof(FlagStoreLocation), out var known))
        {
            return (FlagStoreLocation)known;
        }
        var provider = DatabaseProviders.Parse(builder.Configuration[$"{FlagStoreOptions.Section}:Provider"]);
        var configured = builder.Configuration[$"{FlagStoreOptions.Section}:ConnectionString"];
        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException($"{FlagStoreOptions.Section}:ConnectionString is required when {FlagStoreOptions.Section}:Provider is Postgres.");
        }
        var location = new FlagStoreLocation(provider,
            provider == DatabaseProvider.Postgres
                ? configured!
                : DatabaseProviderExtensions.ResolveSqliteFile(configured ?? new FlagStoreOptions().ConnectionString, builder.Environment.ContentRootPath, out _));
        properties[typeof(FlagStoreLocation)] = location;
        return location;
    }
}
