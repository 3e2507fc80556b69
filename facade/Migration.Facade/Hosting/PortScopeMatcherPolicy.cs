using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.Options;

namespace Migration.Facade.Hosting;

/// <summary>Marks the endpoints that belong on the public port (the proxy routes).</summary>
internal sealed class PublicPortEndpoint
{
    public static readonly PublicPortEndpoint Instance = new();
}

/// <summary>
/// Keeps the proxy and the control plane apart by the port the connection arrived on, never by the Host
/// header, which a client can forge. Default-deny: anything not marked public answers only on the control
/// plane port, so a control-plane path on the public port falls through to the proxy's catch-all.
/// </summary>
internal sealed class PortScopeMatcherPolicy(IOptions<FacadeEndpointOptions> options) : MatcherPolicy, IEndpointSelectorPolicy
{
    private readonly int _controlPlanePort = options.ControlPlanePort();

    // Before YARP's and the HTTP-method policies, so they only see candidates allowed on this port.
    public override int Order => -1000;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) => endpoints.Count > 0;

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var onControlPlane = httpContext.Connection.LocalPort == _controlPlanePort;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!candidates.IsValidCandidate(i))
            {
                continue;
            }
            var isPublic = candidates[i].Endpoint.Metadata.GetMetadata<PublicPortEndpoint>() is not null;
            if (isPublic == onControlPlane)
            {
                candidates.SetValidity(i, false);
            }
        }
        return Task.CompletedTask;
    }
}
