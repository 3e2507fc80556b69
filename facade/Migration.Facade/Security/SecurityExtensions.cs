using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Migration.Facade.Security;

internal static class SecurityExtensions
{
    public const string ViewerPolicy = "control-plane-viewer";
    public const string OperatorPolicy = "control-plane-operator";

    /// <summary>
    /// Bearer tokens for the control plane. The scheme is never a default one (ASP.NET Core would make a lone scheme the
    /// default and authenticate every request with it), so proxied requests are never authenticated or challenged by
    /// the facade: their Authorization headers belong to the backends. The admin policies name the scheme themselves.
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

        builder.Services.AddSingleton<IAuthenticationSchemeProvider, NoDefaultSchemeProvider>();
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

    /// <summary>The scheme provider without ASP.NET Core's automatic default: with no default, authentication of a proxied request is a look-up.</summary>
    private sealed class NoDefaultSchemeProvider(IOptions<AuthenticationOptions> options) : AuthenticationSchemeProvider(options)
    {
        private static readonly Task<AuthenticationScheme?> None = Task.FromResult<AuthenticationScheme?>(null);

        public override Task<AuthenticationScheme?> GetDefaultAuthenticateSchemeAsync() => None;
        public override Task<AuthenticationScheme?> GetDefaultChallengeSchemeAsync() => None;
        public override Task<AuthenticationScheme?> GetDefaultForbidSchemeAsync() => None;
        public override Task<AuthenticationScheme?> GetDefaultSignInSchemeAsync() => None;
        public override Task<AuthenticationScheme?> GetDefaultSignOutSchemeAsync() => None;
    }
}
