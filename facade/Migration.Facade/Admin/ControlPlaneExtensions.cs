using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;
using Migration.Facade.Hosting;
using Migration.Facade.Security;

namespace Migration.Facade.Admin;

internal static class ControlPlaneExtensions
{
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Admin API, its security, OpenAPI and problem details. Served on the control-plane port only.</summary>
    public static WebApplicationBuilder AddControlPlane(this WebApplicationBuilder builder)
    {
        builder.AddControlPlaneSecurity();
        builder.Services.AddProblemDetails();
        // A field the API does not know is a mistake to point out, not to ignore (a misspelt "force" must not pass).
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow);
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton<SliceViews>();
        builder.Services.AddExceptionHandler<StoreUnavailableHandler>();
        return builder;
    }

    /// <summary>
    /// Everything mapped here lacks the public-port marker, so the port policy keeps it off the public port.
    /// </summary>
    public static WebApplication MapControlPlane(this WebApplication app)
    {
        // No admin request needs more than a few KiB; the public port keeps the server's limit for users' uploads.
        var controlPort = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FacadeEndpointOptions>>().Value.ControlPlaneUri.Port;
        app.Use((context, next) =>
        {
            if (context.Connection.LocalPort == controlPort && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxBodyBytes;
            }
            return next(context);
        });
        app.MapDefaultEndpoints();
        app.MapOpenApi();
        var flags = app.Services.GetRequiredService<Flags.FlagStoreHealth>();
        app.MapGroup("/admin")
            .RequireAuthorization(SecurityExtensions.ViewerPolicy)
            // Reads serve the snapshot users are served with; a change could not be stored, nor reach other instances.
            .AddEndpointFilter(async (context, next) => flags.Degraded && !HttpMethods.IsGet(context.HttpContext.Request.Method)
                ? Problems.Unavailable($"The flag store cannot be read ({flags.Problem}); changes are refused until it is back.")
                : await next(context))
            .MapSlicesApi()
            .MapAuditApi()
            .MapProgressApi()
            .MapBackfillsApi()
            .MapDataApi()
            .MapTrafficApi();
        return app;
    }
}
