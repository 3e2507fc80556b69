using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography.X509Certificates;

namespace Migration.Facade.Hosting;

/// <summary>The two hosts' listeners: the data plane's public URL and the control plane's. Ports must be explicit and differ.</summary>
internal sealed record FacadeEndpointOptions : IValidatableObject
{
    public const string Section = "Facade";

    [Required] public string PublicUrl { get; init; } = "http://127.0.0.1:5000";

    [Required] public string ControlPlaneUrl { get; init; } = "http://127.0.0.1:5001";

    /// <summary>
    /// Off serves the same YARP routes without slice decisions (everything on the routes' own clusters): an escape
    /// hatch should the pipeline itself misbehave.
    /// </summary>
    public bool MigrationPipeline { get; init; } = true;

    /// <summary>
    /// Host names the public port answers (others get 400), so nobody can make the monolith write links to their host
    /// through <c>Host</c>. <c>*</c> allows any. Empty: <see cref="PublicUrl"/>'s host, with its loopback aliases when it
    /// is a loopback address; when it is any other IP address (where the facade listens, not the name users call),
    /// nothing is filtered until this is set.
    /// </summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>
    /// Addresses or networks (CIDR) of the load balancers in front of the public port, whose <c>X-Forwarded-*</c> are
    /// believed (see <see cref="TrustedProxyHeaders"/>). Empty: none, and every client's are replaced.
    /// </summary>
    public IReadOnlyList<string> TrustedProxies { get; init; } = [];

    /// <summary>The control plane's certificate when <see cref="ControlPlaneUrl"/> is https.</summary>
    public CertificateOptions? ControlPlaneCertificate { get; init; }

    /// <summary>
    /// Plain http on a control plane bound to anything but loopback sends bearer tokens in the clear: refused unless this
    /// says the network in between is trusted (e.g. a sidecar that terminates TLS).
    /// </summary>
    public bool AllowPlainHttpControlPlane { get; init; }

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

    private IEnumerable<ValidationResult> ControlPlaneTransportProblems()
    {
        if (ControlPlaneUri.Scheme == Uri.UriSchemeHttps)
        {
            if (string.IsNullOrWhiteSpace(ControlPlaneCertificate?.Path))
            {
                yield return new ValidationResult(
                    "Facade:ControlPlaneCertificate:Path is required when Facade:ControlPlaneUrl is https.", [nameof(ControlPlaneCertificate)]);
            }
            else if (!File.Exists(ControlPlaneCertificate.Path))
            {
                yield return new ValidationResult(
                    $"Facade:ControlPlaneCertificate:Path names no file: '{ControlPlaneCertificate.Path}'.", [nameof(ControlPlaneCertificate)]);
            }
            else if (ControlPlaneCertificate.KeyPath is { Length: > 0 } key && !File.Exists(key))
            {
                yield return new ValidationResult(
                    $"Facade:ControlPlaneCertificate:KeyPath names no file: '{key}'.", [nameof(ControlPlaneCertificate)]);
            }
        }
        else if (!IsLoopback(ControlPlaneUri) && !AllowPlainHttpControlPlane)
        {
            yield return new ValidationResult(
                $"Facade:ControlPlaneUrl '{ControlPlaneUrl}' is plain http on an address other than loopback: bearer tokens would cross " +
                "the network in the clear. Use https with Facade:ControlPlaneCertificate, or set Facade:AllowPlainHttpControlPlane=true " +
                "if the network in between is trusted.", [nameof(AllowPlainHttpControlPlane)]);
        }
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (System.Net.IPAddress.TryParse(uri.Host, out var address) && System.Net.IPAddress.IsLoopback(address));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value, schemes) in new[]
        {
            (nameof(PublicUrl), PublicUrl, new[] { Uri.UriSchemeHttp }),
            (nameof(ControlPlaneUrl), ControlPlaneUrl, new[] { Uri.UriSchemeHttp, Uri.UriSchemeHttps }),
        })
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || !schemes.Contains(uri.Scheme) || uri.Port <= 0)
            {
                yield return new ValidationResult(
                    $"Facade:{name} must be an absolute {string.Join(" or ", schemes)} URL with an explicit, non-zero port; got '{value}'.", [name]);
                yield break;
            }
        }
        foreach (var problem in ControlPlaneTransportProblems())
        {
            yield return problem;
        }
        if (TrustedProxyHeaders.Parse(TrustedProxies) is null)
        {
            yield return new ValidationResult(
                $"Facade:TrustedProxies must list IP addresses or CIDR networks (10.0.0.0/8); got '{string.Join("', '", TrustedProxies)}'.",
                [nameof(TrustedProxies)]);
        }
        if (PublicUri.Port == ControlPlaneUri.Port)
        {
            yield return new ValidationResult(
                "Facade:PublicUrl and Facade:ControlPlaneUrl must use different ports.", [nameof(ControlPlaneUrl)]);
        }
    }
}

/// <summary>
/// A certificate from files: a PKCS#12 file (<see cref="Path"/>, with <see cref="Password"/> if it has one), or PEM
/// (<see cref="Path"/> the certificate, <see cref="KeyPath"/> its private key, encrypted when <see cref="Password"/> is set).
/// </summary>
internal sealed record CertificateOptions
{
    public string? Path { get; init; }
    public string? KeyPath { get; init; }
    public string? Password { get; init; }

    public X509Certificate2 Load() => (KeyPath, Password) switch
    {
        ({ Length: > 0 } key, { Length: > 0 } password) => X509Certificate2.CreateFromEncryptedPemFile(Path!, password, key),
        ({ Length: > 0 } key, _) => X509Certificate2.CreateFromPemFile(Path!, key),
        _ => X509CertificateLoader.LoadPkcs12FromFile(Path!, Password),
    };
}
