using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Wolverine;

namespace Legacy.Store.Tests.Infrastructure;

/// <summary>The store in memory over its own SQLite file (a copy of the seeded template), in Production mode.</summary>
public sealed class StoreFactory : WebApplicationFactory<LegacyStoreApp>, IAsyncLifetime
{
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("legacy-store-tests-").FullName;

    public string DatabasePath => Path.Combine(DataDirectory, "store.db");

    /// <summary>When false the app starts on an empty file and seeds it itself.</summary>
    public bool UseTemplate { get; init; } = true;

    public Dictionary<string, string?> Settings { get; } = [];

    public async Task InitializeAsync()
    {
        if (UseTemplate)
        {
            await TemplateDatabase.CopyToAsync(DatabasePath);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Store", $"Data Source={DatabasePath}");
        // Published events are recorded (see EventTracking) but go to no listener.
        builder.ConfigureTestServices(services => services.DisableAllExternalWolverineTransports());
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A browser-like client: keeps cookies, never follows redirects.</summary>
    public StoreClient CreateStoreClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
