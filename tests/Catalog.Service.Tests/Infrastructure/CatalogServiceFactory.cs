using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Wolverine;

namespace Catalog.Service.Tests.Infrastructure;

/// <summary>
/// Catalog.Service in memory over its own temp SQLite file, with the legacy Refit client answered by
/// <paramref name="legacyHandler"/> (a fake, or the in-process monolith's handler).
/// </summary>
public sealed class CatalogServiceFactory(Func<HttpMessageHandler> legacyHandler, string? databasePath = null)
    : WebApplicationFactory<CatalogServiceApp>
{
    private readonly TempFolder _folder = new();

    /// <summary>The service's file: its own, or the one given (a restarted service on an existing database).</summary>
    public string DatabasePath => databasePath ?? _folder.File("catalog.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Catalog", $"Data Source={DatabasePath}");
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureAll<HttpClientFactoryOptions>(options =>
                options.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = legacyHandler()));
            services.AddSingleton<IStartupFilter>(PeerStartupFilter.Loopback);
            // No listener on a fixed port: these tests drive the service over HTTP and call the handlers directly.
            services.DisableAllExternalWolverineTransports();
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _folder.Dispose();
        }
    }
}
