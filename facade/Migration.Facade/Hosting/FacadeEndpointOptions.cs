using System.ComponentModel.DataAnnotations;

namespace Migration.Facade.Hosting;

/// <summary>The two listeners. Ports must be explicit: requests are told apart by the port they arrived on.</summary>
internal sealed record FacadeEndpointOptions : IValidatableObject
{
    public const string Section = "Facade";

    [Required] public string PublicUrl { get; init; } = "http://127.0.0.1:5000";

    [Required] public string ControlPlaneUrl { get; init; } = "http://127.0.0.1:5001";

    /// <summary>
    /// Off serves the same YARP routes without slice decisions (everything on the routes' own clusters): the
    /// baseline of the throughput benchmark, and an escape hatch if the pipeline itself misbehaves.
    /// </summary>
    public bool MigrationPipeline { get; init; } = true;

    /// <summary>
    /// Host names the public port answers (others get 400), so nobody can make the monolith write links to their host
    /// through <c>Host</c>. <c>*</c> allows any. Empty: <see cref="PublicUrl"/>'s host, with its loopback aliases when it
    /// is a loopback address; when it is any other IP address (where the facade listens, not the name users call),
    /// nothing is filtered until this is set.
    /// </summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    public Uri PublicUri => new(PublicUrl);

    /// <summary>The hosts the public port answers, or null for any.</summary>
    public IReadOnlySet<string>? PublicHosts()
    {
        if (AllowedHosts.Contains("*")) return null;
        var hosts = new HashSet<string>(AllowedHosts, StringComparer.OrdinalIgnoreCase);
        if (hosts.Count == 0)
        {
            // An address other than loopback says where the facade listens, not which name users call it by: a
            // filter on it would refuse them all. Only a host name (or loopback) gives a default.
            if (PublicUri.HostNameType != UriHostNameType.Dns && !PublicUri.IsLoopback) return null;
            hosts.Add(PublicUri.Host);
            if (PublicUri.IsLoopback) hosts.UnionWith(["localhost", "127.0.0.1", "[::1]"]);
        }
        return hosts;
    }

    public Uri ControlPlaneUri => new(ControlPlaneUrl);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[] { (nameof(PublicUrl), PublicUrl), (nameof(ControlPlaneUrl), ControlPlaneUrl) })
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.Port <= 0)
            {
                yield return new ValidationResult(
                    $"Facade:{name} must be an absolute http URL with an explicit, non-zero port; got '{value}'.", [name]);
                yield break;
            }
        }
        if (PublicUri.Port == ControlPlaneUri.Port)
        {
            yield return new ValidationResult(
                "Facade:PublicUrl and Facade:ControlPlaneUrl must use different ports.", [nameof(ControlPlaneUrl)]);
        }
    }
}
