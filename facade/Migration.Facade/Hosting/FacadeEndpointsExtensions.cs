using System.Net;
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
            Listen(kestrel, options.PublicUri);
            Listen(kestrel, options.ControlPlaneUri);
        });

        builder.Services.AddSingleton<MatcherPolicy, PortScopeMatcherPolicy>();
        return builder;
    }

    private static void Listen(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions kestrel, Uri uri)
    {
        if (IPAddress.TryParse(uri.Host, out var address))
        {
            kestrel.Listen(address, uri.Port);
        }
        else if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(uri.Port);
        }
        else
        {
            kestrel.ListenAnyIP(uri.Port);
        }
    }

    internal static int ControlPlanePort(this IOptions<FacadeEndpointOptions> options) => options.Value.ControlPlaneUri.Port;
}
