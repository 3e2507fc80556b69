using Catalog.Service.Tests.Infrastructure;
using Legacy.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Catalog.Service.Tests.Contract;

/// <summary>The real monolith in memory over a temp database it seeds itself at startup.</summary>
public sealed class MonolithFactory : WebApplicationFactory<LegacyStoreApp>
{
    private readonly TempFolder _folder = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Store", $"Data Source={_folder.File("legacy-store.db")}");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter>(PeerStartupFilter.Loopback);
            // Events stay in the outbox: these tests compare the two sides' answers, not the sync.
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
