using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace Catalog.Service.Tests.Infrastructure;

/// <summary>
/// Catalog.Service in memory over its own temp SQLite file, with the legacy Refit client answered by
/// <paramref name="legacyHandler"/> (a fake, or the in-process monolith's handler).
/// </summary>
public sealed class CatalogServiceFactory(Func<HttpMessageHandler> legacyHandler) : WebApplicationFactory<CatalogServiceApp>
{
    private readonly TempFolder _folder = new();

    public string DatabasePath => _folder.File("catalog.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Catalog", $"Data Source={DatabasePath}");
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureAll<HttpClientFactoryOptions>(options =>
                options.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = legacyHandler()));
            services.AddTransient<IStartupFilter, LoopbackPeerStartupFilter>();
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

/// <summary>
/// TestServer leaves the peer address empty; the facade calls from loopback, so say so and let the
/// forwarded-headers middleware trust <c>X-Forwarded-*</c> as it would in production.
/// </summary>
public sealed class LoopbackPeerStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
            return nextMiddleware(context);
        });
        next(app);
    };
}
