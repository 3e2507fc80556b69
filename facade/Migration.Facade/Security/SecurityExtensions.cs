using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Migration.Facade.Hosting;

namespace Migration.Facade.Security;

internal static class SecurityExtensions
{
    public const string ViewerPolicy = "control-plane-viewer";
    public const string OperatorPolicy = "control-plane-operator";

    /// <summary>
    /// Bearer tokens for the control plane. The scheme is not the default one, so proxied requests are never
    /// authenticated (or challenged) by the facade: their Authorization headers belong to the backends.
    /// </summary>
    public static WebApplicationBuilder AddControlPlaneSecurity(this WebApplicationBuilder builder)
    {
        if (DevelopmentToken.CreateIfNeeded(builder) is { } token)
        {
            builder.Services.AddSingleton(token);
            builder.Services.AddHostedService<DevelopmentTokenAnnouncer>();
        }

        builder.Services.AddOptions<ControlPlaneOptions>().BindConfiguration(ControlPlaneOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ControlPlaneOptions>, ControlPlaneOptionsValidator>();

        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ViewerPolicy, p => p
                .AddAuthenticationSchemes(BearerTokenHandler.SchemeName)
                .RequireRole(ControlPlaneRoles.Viewer, ControlPlaneRoles.Operator))
            .AddPolicy(OperatorPolicy, p => p
                .AddAuthenticationSchemes(BearerTokenHandler.SchemeName)
                .RequireRole(ControlPlaneRoles.Operator));
        return builder;
    }

    /// <summary>
    /// Authentication and authorization on the control-plane port only: no endpoint of the public port needs them (the
    /// port policy keeps every admin endpoint off it), and every proxied request would pay for both middlewares.
    /// </summary>
    public static WebApplication UseControlPlaneSecurity(this WebApplication app)
    {
        var controlPort = app.Services.GetRequiredService<IOptions<FacadeEndpointOptions>>().ControlPlanePort();
        app.UseWhen(context => context.Connection.LocalPort == controlPort, control =>
        {
            control.UseAuthentication();
            control.UseAuthorization();
        });
        return app;
    }
}
