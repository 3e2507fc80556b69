using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// HTTP behaviour every service behind the facade shares, so users cannot tell which side answered:
/// problem details, gzip (JSON and problem JSON included) and links built from the facade's forwarded host.
/// </summary>
public static class WebConventionsExtensions
{
    public static TBuilder AddBehindFacadeConventions<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Append("application/problem+json");
        });
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Only the facade on loopback may tell a service the address the user called.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.KnownProxies.Add(IPAddress.Loopback);
            o.KnownProxies.Add(IPAddress.IPv6Loopback);
        });
        return builder;
    }

    /// <summary>Forwarded headers first (links must name the facade), then compression.</summary>
    public static WebApplication UseBehindFacadeConventions(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseResponseCompression();
        return app;
    }
}
