using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Migration.Facade.Flags;
using Migration.Facade.Hosting;
using Migration.Messaging.Hosting;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Migration.Facade.Identity;

internal static class IdentityExtensions
{
    /// <summary>
    /// The stripping of client-sent identity and, when a signing key is configured, service tokens for signed-in users on
    /// the data plane; the ended sessions those tokens must honour are learnt on the control plane.
    /// </summary>
    public static FacadeBuilder AddServiceIdentity(this FacadeBuilder facade)
    {
        var builder = facade.ControlPlane;
        builder.Services.AddOptions<IdentityOptions>()
            .BindConfiguration(IdentityOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<IdentityOptions>, IdentityOptionsValidator>();
        builder.Services.AddSingleton<EndedSessions>();
        facade.ShareWithDataPlane<IOptions<IdentityOptions>>().ShareWithDataPlane<EndedSessions>();
        facade.DataPlane.Services.AddSingleton<ClientIdentityStripping>();
        if (builder.Configuration.GetSection($"{IdentityOptions.Section}:SigningKey").Exists())
        {
            facade.DataPlane.Services.AddSingleton<ServiceTokens>();
            facade.DataPlane.Services.AddSingleton<IdentityTransform>();
            // A facade that vouches for users must learn when they sign out: it joins the bus, with its inbox in the flag
            // store's database, and every instance reads the ended sessions from there.
            var flags = FlagStoreLocation.Of(builder);
            builder.AddMessaging(Nodes.Facade, flags.Provider, flags.ConnectionString, routes => routes.Listen());
            builder.Services.AddSingleton(sp => new SessionEndings(sp.GetRequiredService<IDbContextFactory<FlagDbContext>>(), sp.GetRequiredService<EndedSessions>()));
            builder.Services.AddHostedService<EndedSessionsPoller>();
        }
        return facade;
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
