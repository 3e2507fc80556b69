using System.Collections.Frozen;
using Microsoft.FeatureManagement;
using Migration.Facade.Contracts;

namespace Migration.Facade.Flags;

/// <summary>State of one slice as read from the store.</summary>
internal sealed record SliceState(string Name, string State, int Percentage, long Version, DateTimeOffset UpdatedAt, string UpdatedBy)
{
    public static SliceState Initial(string name) =>
        new(name, SliceStates.Legacy, 0, 1, DateTimeOffset.UnixEpoch, "system");
}

/// <summary>An issued tester override, known only by the lowercase hex SHA-256 of its value.</summary>
internal sealed record SideOverride(string Hash, string Slice, string Side, DateTimeOffset ExpiresAt);

/// <summary>
/// Immutable view of every slice, with the feature definitions precomputed so the request path only
/// does dictionary look-ups. Replaced wholesale when anything changes.
/// </summary>
internal sealed class SliceSnapshot
{
    public static readonly SliceSnapshot Empty = new([]);

    public SliceSnapshot(IEnumerable<SliceState> slices, IEnumerable<SideOverride>? overrides = null)
    {
        States = slices.ToFrozenDictionary(s => s.Name, StringComparer.Ordinal);
        AnyCanary = States.Values.Any(s => s.State == SliceStates.Canary);
        Overrides = (overrides ?? []).ToFrozenDictionary(o => o.Hash, StringComparer.Ordinal);
        OverridesByHash = Overrides.GetAlternateLookup<ReadOnlySpan<char>>();
        Features = States.Values
            .Select(SliceFeatures.ToDefinition)
            .ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);
        FeatureTasks = Features.ToFrozenDictionary(f => f.Key, f => Task.FromResult(f.Value), StringComparer.Ordinal);
    }

    public FrozenDictionary<string, SliceState> States { get; }

    /// <summary>True while some slice runs a canary: only then does the facade need to know who a visitor is.</summary>
    public bool AnyCanary { get; }

    /// <summary>Issued tester overrides by hash, so checking <c>X-Migration-Side</c> is a look-up, not a query.</summary>
    public FrozenDictionary<string, SideOverride> Overrides { get; }

    /// <summary>The same, searchable with a hash formatted on the stack.</summary>
    public FrozenDictionary<string, SideOverride>.AlternateLookup<ReadOnlySpan<char>> OverridesByHash { get; }

    public FrozenDictionary<string, FeatureDefinition> Features { get; }

    /// <summary>The same definitions as completed tasks, so serving one to FeatureManagement allocates nothing.</summary>
    public FrozenDictionary<string, Task<FeatureDefinition>> FeatureTasks { get; }

    /// <summary>True when the other snapshot holds the same versions (nothing to publish).</summary>
    public bool SameVersionsAs(SliceSnapshot other) =>
        States.Count == other.States.Count &&
        States.All(s => other.States.TryGetValue(s.Key, out var o) && o.Version == s.Value.Version);

    /// <summary>True when the other snapshot holds the same overrides (rows are never changed, only added or dropped).</summary>
    public bool SameOverridesAs(SliceSnapshot other) =>
        Overrides.Count == other.Overrides.Count && Overrides.Keys.All(other.Overrides.ContainsKey);
}

/// <summary>The current snapshot, shared by the poller, the admin API and the feature definition provider.</summary>
internal sealed class SliceSnapshotHolder
{
    private SliceSnapshot _current = SliceSnapshot.Empty;

    public SliceSnapshot Current => Volatile.Read(ref _current);

    public void Publish(SliceSnapshot snapshot) => Volatile.Write(ref _current, snapshot);
}
