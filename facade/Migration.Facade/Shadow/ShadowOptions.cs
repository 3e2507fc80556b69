using System.ComponentModel.DataAnnotations;

namespace Migration.Facade.Shadow;

/// <summary>
/// How a slice in <c>shadow</c> is mirrored and compared (<c>Slices:&lt;name&gt;:Shadow</c>). Lists from configuration are
/// added to the defaults (that is how .NET binds arrays); drop a default compared header with <see cref="IgnoredHeaders"/>.
/// </summary>
internal sealed record ShadowOptions
{
    /// <summary>Methods mirrored: GET and HEAD, plus any the slice allows explicitly (e.g. POST to a service with its own data).</summary>
    public string[] MirrorMethods { get; init; } = ["GET", "HEAD"];

    /// <summary>Request bodies up to this size are buffered and mirrored; larger ones are not (skipped "size").</summary>
    [Range(0, 16 * 1024 * 1024)] public int MaxRequestBodyBytes { get; init; } = 64 * 1024;

    /// <summary>Answers (decoded) up to this size are compared, on either side; larger ones are skipped ("size").</summary>
    [Range(1, 64 * 1024 * 1024)] public int MaxResponseBodyBytes { get; init; } = 1024 * 1024;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    public string[] ComparedHeaders { get; init; } = ["Content-Type", "ETag", "X-Total-Count", "Link", "Location"];
    public string[] IgnoredHeaders { get; init; } = [];

    /// <summary>JSON paths never counted as differences, e.g. <c>$.generatedAt</c> or <c>$[*].updatedAt</c>.</summary>
    public string[] IgnoredJsonPaths { get; init; } = [];

    /// <summary>Ask the monolith twice; fields that differ between its own answers are noise, not differences.</summary>
    public bool NoiseCancellation { get; init; }

    /// <summary>Parity below this is reported by the status view (a shadow is never rolled back).</summary>
    [Range(0.0, 100.0)] public double? MinParityPercent { get; init; }

    public IEnumerable<string> Problems()
    {
        foreach (var path in IgnoredJsonPaths.Where(p => !p.StartsWith('$')))
        {
            yield return $"IgnoredJsonPaths: '{path}' must start with '$'.";
        }
        foreach (var method in MirrorMethods.Where(m => !IsToken(m)))
        {
            yield return $"MirrorMethods: '{method}' is not an HTTP method.";
        }
        foreach (var (key, header) in ComparedHeaders.Select(h => ("ComparedHeaders", h)).Concat(IgnoredHeaders.Select(h => ("IgnoredHeaders", h))))
        {
            if (!IsToken(header)) yield return $"{key}: '{header}' is not a header name.";
        }
    }

    // RFC 9110 token: what both method and header names are made of.
    private static bool IsToken(string? value) =>
        !string.IsNullOrEmpty(value) && value.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c));
}

/// <summary>The <c>Shadow</c> section: the background comparer's capacity.</summary>
internal sealed record ShadowQueueOptions : IValidatableObject
{
    public const string Section = "Shadow";

    /// <summary>Mirrors waiting to be sent; when full, new ones are shed (counted), never awaited.</summary>
    [Range(1, 1_000_000)] public int QueueCapacity { get; init; } = 1000;

    /// <summary>The bodies the waiting mirrors may hold in all; past it new ones are shed like a full queue.</summary>
    [Range(1024 * 1024, 1024L * 1024 * 1024)] public long QueueBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>A mirror that waited longer than this is dropped (counted as <c>stale</c>): the monolith's answer is old news.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")] public TimeSpan MaxQueueAge { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Differences kept per differing sample (all are counted in the comparison itself).</summary>
    [Range(1, 10_000)] public int MaxDifferencesPerSample { get; init; } = 50;

    /// <summary>Mirror threads (lowest OS priority, one mirror at a time each): more of them use the idle CPU between requests better.</summary>
    [Range(1, 64)] public int Workers { get; init; } = 8;

    [Range(1, 1000)] public int SampleCount { get; init; } = 20;

    /// <summary>
    /// Base64 of at least 32 random bytes shared with the services: mirrored requests then carry an HMAC mark they can
    /// verify (<c>ShadowMarks.IsMirrored</c>). Unset: the unsigned mark <c>1</c>.
    /// </summary>
    public string? MarkKey { get; init; }

    public byte[]? MarkKeyBytes() => MarkKey is null ? null : Convert.FromBase64String(MarkKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MarkKey is null) yield break;
        byte[]? key = null;
        try
        {
            key = Convert.FromBase64String(MarkKey);
        }
        catch (FormatException)
        {
        }
        if (key is not { Length: >= 32 })
        {
            yield return new ValidationResult("Shadow:MarkKey must be base64 of at least 32 bytes.", [nameof(MarkKey)]);
        }
    }
}
