using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Migration.Facade.Security;

internal static class SecurityExtensions
{
    public const string ViewerPolicy = "control-plane-viewer";
    public const string OperatorPolicy = "control-plane-operator";

    /// <summary>
    /// Bearer tokens for the control plane's host. The data plane has no authentication at all: a user's Authorization
    /// header is the backends' business.
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
