using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Migration.Facade.Flags;
using Migration.Messaging.Hosting;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Migration.Facade.Identity;

internal static class IdentityExtensions
{
    /// <summary>Service tokens for signed-in users (when a signing key is configured), and the stripping of client-sent identity.</summary>
    public static WebApplicationBuilder AddServiceIdentity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdentityOptions>()
            .BindConfiguration(IdentityOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<IdentityOptions>, IdentityOptionsValidator>();
        builder.Services.AddSingleton<EndedSessions>();
        builder.Services.AddSingleton<ClientIdentityStripping>();
        if (builder.Configuration.GetSection($"{IdentityOptions.Section}:SigningKey").Exists())
        {
            builder.Services.AddSingleton<ServiceTokens>();
            builder.Services.AddSingleton<IdentityTransform>();
            // A facade that vouches for users must learn when they sign out: it joins the bus, with its inbox in the flag
            // store's database, and every instance reads the ended sessions from there.
            var flags = FlagStoreLocation.Of(builder);
            builder.AddMessaging(Nodes.Facade, flags.Provider, flags.ConnectionString, routes => routes.Listen());
            builder.Services.AddSingleton(sp => new SessionEndings(sp.GetRequiredService<IDbContextFactory<FlagDbContext>>(), sp.GetRequiredService<EndedSessions>()));
            builder.Services.AddHostedService<EndedSessionsPoller>();
        }
        return builder;
    }

    /// <summary>Adds the token transform to a route, when the facade issues tokens.</summary>
    public static void AddServiceTokens(this TransformBuilderContext transforms)
    {
        if (transforms.Services.GetService<IdentityTransform>() is { } identity)
        {
            transforms.AddRequestTransform(identity.ApplyAsync);
        }
    }
}
