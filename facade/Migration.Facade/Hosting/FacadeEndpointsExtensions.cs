using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Migration.Facade.Hosting;

internal static class FacadeEndpointsExtensions
{
    /// <summary>
    /// Each host listens on its own URL only: the data plane on the public one, the control plane (admin API, metrics,
    /// health) on its own, so nothing of the control plane can be reached from the public port.
    /// </summary>
    public static FacadeBuilder AddFacadeEndpoints(this FacadeBuilder facade)
    {
        facade.ControlPlane.Services.AddOptions<FacadeEndpointOptions>()
            .BindConfiguration(FacadeEndpointOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        facade.ShareWithDataPlane<IOptions<FacadeEndpointOptions>>();

        facade.DataPlane.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            // Users see the backend's Server header, or none: never one of the facade's own.
            kestrel.AddServerHeader = false;
            if (Valid(context.Configuration) is { } options) Listen(kestrel, options.PublicUri, https: null);
        });
        facade.ControlPlane.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            kestrel.AddServerHeader = false;
            if (Valid(context.Configuration) is { } options)
            {
                Listen(kestrel, options.ControlPlaneUri, options.ControlPlaneUri.Scheme == Uri.UriSchemeHttps ? ControlPlaneCertificate(options) : null);
            }
        });
        return facade;
    }

    // Invalid URLs are reported by ValidateOnStart with a precise message; don't throw a vaguer one here.
    private static FacadeEndpointOptions? Valid(IConfiguration configuration)
    {
        var options = configuration.GetSection(FacadeEndpointOptions.Section).Get<FacadeEndpointOptions>() ?? new FacadeEndpointOptions();
        return options.Validate(new(options)).Any() ? null : options;
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
}
