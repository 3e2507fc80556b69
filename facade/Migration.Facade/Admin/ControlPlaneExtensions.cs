using Migration.Facade.Security;

namespace Migration.Facade.Admin;

internal static class ControlPlaneExtensions
{
    /// <summary>Admin API, its security, OpenAPI and problem details. Served on the control-plane port only.</summary>
    public static WebApplicationBuilder AddControlPlane(this WebApplicationBuilder builder)
    {
        builder.AddControlPlaneSecurity();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton<SliceViews>();
        return builder;
    }

    /// <summary>
    /// Everything mapped here lacks the public-port marker, so the port policy keeps it off the public port.
    /// </summary>
    public static WebApplication MapControlPlane(this WebApplication app)
    {
        app.MapDefaultEndpoints();
        app.MapOpenApi();
        app.MapGroup("/admin")
            .RequireAuthorization(SecurityExtensions.ViewerPolicy)
            .MapSlicesApi()
            .MapAuditApi()
            .MapProgressApi()
            .MapBackfillsApi()
            .MapDataApi()
            .MapTrafficApi()
            .MapShadowApi()
            .MapOverridesApi();
        return app;
    }
}
