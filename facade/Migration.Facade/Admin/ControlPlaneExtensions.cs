using System.Text.Json.Serialization;
using Migration.Facade.Security;

namespace Migration.Facade.Admin;

internal static class ControlPlaneExtensions
{
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Admin API, its security, OpenAPI and problem details. Served on the control-plane port only.</summary>
    public static WebApplicationBuilder AddControlPlane(this WebApplicationBuilder builder)
    {
        // No admin request needs more than a few KiB.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxBodyBytes);
        builder.AddControlPlaneSecurity();
        builder.Services.AddProblemDetails();
        // A field the API does not know is a mistake to point out, not to ignore (a misspelt "force" must not pass).
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow);
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton<SliceViews>();
        builder.Services.AddExceptionHandler<StoreUnavailableHandler>();
        return builder;
    }

    /// <summary>The control plane's endpoints: its host listens on the control-plane URL only.</summary>
    public static WebApplication MapControlPlane(this WebApplication app)
    {
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
