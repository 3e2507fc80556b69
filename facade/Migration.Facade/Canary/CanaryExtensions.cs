using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Migration.Facade.Flags;

namespace Migration.Facade.Canary;

internal static class CanaryExtensions
{
    public static WebApplicationBuilder AddCanary(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CanaryOptions>()
            .BindConfiguration(CanaryOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<UserCookieReader>();
        builder.Services.AddSingleton<CanaryIdentity>();
        builder.Services.AddSingleton<SideOverrides>();

        // Override passes must verify on every instance that shares the flag store, so the keys live beside it.
        var store = new SqliteConnectionStringBuilder(FlagStoreExtensions.ResolvedConnectionString(builder)).DataSource;
        var keys = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(store)) ?? ".", "facade-keys");
        builder.Services.AddDataProtection()
            .SetApplicationName("Migration.Facade")
            .PersistKeysToFileSystem(new DirectoryInfo(keys));
        return builder;
    }
}
