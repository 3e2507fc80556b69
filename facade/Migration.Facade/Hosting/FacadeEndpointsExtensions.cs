using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.Options;

namespace Migration.Facade.Hosting;

internal static class FacadeEndpointsExtensions
{
    /// <summary>Listens on the public and control-plane URLs and keeps each endpoint on its own port.</summary>
    public static WebApplicationBuilder AddFacadeEndpoints(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FacadeEndpointOptions>()
            .BindConfiguration(FacadeEndpointOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            // Users see the backend's Server header, or none: never one of the facade's own.
            kestrel.AddServerHeader = false;
            var options = context.Configuration.GetSection(FacadeEndpointOptions.Section).Get<FacadeEndpointOptions>()
                ?? new FacadeEndpointOptions();
            // Invalid URLs are reported by ValidateOnStart with a precise message; don't throw a vaguer one here.
            if (options.Validate(new(options)).Any())
            {
                return;
            }
            Listen(kestrel, options.PublicUri, https: null);
            Listen(kestrel, options.ControlPlaneUri, options.ControlPlaneUri.Scheme == Uri.UriSchemeHttps ? ControlPlaneCertificate(options) : null);
        });

        builder.Services.AddSingleton<MatcherPolicy, PortScopeMatcherPolicy>();
        return builder;
    }

    private static void Listen(KestrelServerOptions kestrel, Uri uri, X509Certificate2? https)
    {
        Action<ListenOptions> configure = https is null ? _ => { } : listen => listen.UseHttps(https);
        if (IPAddress.TryParse(uri.Host, out var address))
        {
            kestrel.Listen(address, uri.Port, configure);
        }
        else if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(uri.Port, configure);
        }
        else
        {
            kestrel.ListenAnyIP(uri.Port, configure);
        }
    }

    private static X509Certificate2 ControlPlaneCertificate(FacadeEndpointOptions options)
    {
        try
        {
            return options.ControlPlaneCertificate!.Load();
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"Facade:ControlPlaneCertificate could not be loaded from '{options.ControlPlaneCertificate!.Path}': {ex.Message}", ex);
        }
    }

    internal static int ControlPlanePort(this IOptions<FacadeEndpointOptions> options) => options.Value.ControlPlaneUri.Port;
}
