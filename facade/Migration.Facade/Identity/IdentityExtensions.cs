using Microsoft.Extensions.Options;

namespace Migration.Facade.Identity;

internal static class IdentityExtensions
{
    /// <summary>Service tokens for signed-in users, and the stripping of client-sent identity (see <see cref="IdentityTransform"/>).</summary>
    public static WebApplicationBuilder AddServiceIdentity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdentityOptions>()
            .BindConfiguration(IdentityOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<IdentityOptions>, IdentityOptionsValidator>();
        builder.Services.AddSingleton(_ => new EndedSessions());
        builder.Services.AddSingleton<ServiceTokens>();
        builder.Services.AddSingleton<IdentityTransform>();
        return builder;
    }
}
