using Migration.Facade.Fallback;
using Migration.Facade.Shadow;
using Migration.Facade.Slo;

namespace Migration.Facade.Flags;

/// <summary>What configuration says about one slice (<c>Slices:&lt;name&gt;</c>): its SLOs, shadow rules and fallback timeout.</summary>
internal sealed record SliceSettings
{
    public SloOptions? Slo { get; init; }
    public ShadowOptions? Shadow { get; init; }
    public FallbackOptions? Fallback { get; init; }

    /// <summary>Largest replication lag of the slice's service that still allows a flip to canary or extracted.</summary>
    public TimeSpan? MaxReplicationLag { get; init; }
}

/// <summary>The <c>Slices</c> section, keyed by slice name.</summary>
internal sealed class SliceSettingsOptions() : Dictionary<string, SliceSettings>(StringComparer.Ordinal)
{
    public const string Section = "Slices";

    public SliceSettings For(string slice) => TryGetValue(slice, out var settings) ? settings : Empty;

    private static readonly SliceSettings Empty = new();
}
