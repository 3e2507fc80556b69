using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

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
}
