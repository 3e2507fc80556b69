using System.ComponentModel.DataAnnotations;

namespace Migration.Facade.Fallback;

/// <summary>How long a slice's extracted side may keep a request waiting (<c>Slices:&lt;name&gt;:Fallback</c>).</summary>
internal sealed record FallbackOptions
{
    /// <summary>
    /// The extracted side's activity timeout for this slice's requests (YARP's <c>ActivityTimeout</c>: until the
    /// response headers arrive, then between body reads). A GET/HEAD that runs out is answered by the monolith;
    /// any other method gets a 504, since the service may already be acting on it. Unset: the cluster's own setting.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "The field {0} must be between 00:00:00.010 and 00:10:00.")]
    public TimeSpan? Timeout { get; init; }
}
