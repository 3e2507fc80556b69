using System.IO.Compression;
using System.Net;
using Legacy.Store.Customers;
using Legacy.Store.Orders;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.ResponseCompression;

namespace Legacy.Store.Hosting;

/// <summary>The web behaviour a real app has and the facade must carry untouched.</summary>
internal static class StoreWebExtensions
{
    public static WebApplicationBuilder AddStoreWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<OrderService>();
        builder.Services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Orders", StoreAuth.CustomerPolicy);
        });
        builder.Services.AddAntiforgery(o => o.Cookie.Name = ".Store.Antiforgery");
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Append("application/problem+json");
        });
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            // The facade on loopback forwards the address the user called; nobody else may.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.KnownProxies.Add(IPAddress.Loopback);
            o.KnownProxies.Add(IPAddress.IPv6Loopback);
        });
        return builder;
    }

    public static WebApplication UseStoreWeb(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseResponseCompression();
        app.UseExceptionHandler();
        // API paths get problem details; pages get the HTML 404 page.
        app.UseWhen(IsApi, b => b.UseStatusCodePages());
        app.UseWhen(c => !IsApi(c), b => b.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
