using System.ComponentModel.DataAnnotations;

namespace Migration.Facade.Data;

/// <summary>The <c>Data</c> section: data verify and the gate every flip to canary or extracted passes.</summary>
internal sealed record DataOptions
{
    public const string Section = "Data";

    /// <summary>
    /// Refuse flips to canary/extracted while the slice's service lags, or its data was not verified clean since its
    /// last backfill. Turn off only for slices whose services hold no copied data.
    /// </summary>
    public bool Gate { get; init; } = true;

    /// <summary>The cluster that owns the data (the monolith); its sync feed serves the owner's side of verify.</summary>
    [Required]
    public string OwnerCluster { get; init; } = "legacy";

    /// <summary>Default for <c>Slices:&lt;name&gt;:MaxReplicationLag</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxReplicationLag { get; init; } = TimeSpan.FromSeconds(5);

    [Range(1, 100_000)]
    public int BucketSize { get; init; } = 1000;

    /// <summary>How many mismatching records a report lists (all are counted).</summary>
    [Range(1, 100_000)]
    public int MaxListedMismatches { get; init; } = 1000;

    /// <summary>Verify looks again at records that differed after this long, so changes in flight are not reported.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RecheckDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A lag reading older than this is no reading: the gate refuses.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan MaxLagAge { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time allowed for each request to a side.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
