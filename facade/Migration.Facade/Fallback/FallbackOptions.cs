using System.ComponentModel.DataAnnotations;

namespace Migration.Facade.Fallback;

/// <summary>How long a slice's extracted side may keep a request waiting (<c>Slices:&lt;name&gt;:Fallback</c>).</summary>
internal sealed record FallbackOptions : IValidatableObject
{
    /// <summary>
    /// The extracted side's activity timeout for this slice's requests (YARP's <c>ActivityTimeout</c>: until the
    /// response headers arrive, then between body reads). A GET/HEAD/OPTIONS that runs out is answered by the monolith;
    /// any other method gets a 504, since the service may already be acting on it. Unset: the cluster's own setting.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "The field {0} must be between 00:00:00.010 and 00:10:00.")]
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// The whole budget of a request sent to the extracted side, from the decision to the last byte, fallback included:
    /// the activity timeout restarts with every byte, so a service that trickles its answer would hold a user for ever
    /// without it. When it runs out the user gets a 504 (or, once the answer has started, the connection ends), never a
    /// fallback with no time left; a fallback before it gets what remains. Unset: no deadline.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "The field {0} must be between 00:00:00.010 and 00:10:00.")]
    public TimeSpan? Deadline { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Timeout is { } timeout && Deadline is { } deadline && timeout >= deadline)
        {
            yield return new ValidationResult(
                $"The field {nameof(Timeout)} ({timeout}) must be shorter than {nameof(Deadline)} ({deadline}), or a timed-out request " +
                "would have no time left for the monolith to answer.", [nameof(Timeout)]);
        }
    }
}
