using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Migration.Facade.Canary;
using Migration.Facade.Routing;
using Yarp.ReverseProxy.Transforms;

namespace Migration.Facade.Identity;

/// <summary>
/// A client's identity headers never pass the facade; a request that goes to an extracted service carries the facade's
/// own token for the signed-in user instead of any <c>Authorization</c> the client sent. The monolith keeps reading its
/// own cookie, as before the migration.
/// </summary>
internal sealed class IdentityTransform(IOptions<IdentityOptions> options, UserCookieReader users, ServiceTokens tokens)
{
    private readonly IReadOnlyList<string> _stripped = options.Value.StrippedHeaders;

    public ValueTask ApplyAsync(RequestTransformContext context)
    {
        foreach (var header in _stripped)
        {
            RequestTransform.RemoveHeader(context, header);
        }
        if (context.HttpContext.Features.Get<SliceRequest>() is { Side: SliceRequest.ExtractedSide, ExtractedCluster: { } cluster })
        {
            RequestTransform.RemoveHeader(context, "Authorization");
            if (users.User(context.HttpContext) is { } user && tokens.For(user, cluster.ClusterId) is { } token)
            {
                context.ProxyRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
        }
        return default;
    }
}
