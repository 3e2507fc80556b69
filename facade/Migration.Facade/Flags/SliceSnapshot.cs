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

/// <summary>
/// Immutable view of every slice, with the feature definitions precomputed so the request path only
/// does dictionary look-ups. Replaced wholesale when anything changes.
/// </summary>
internal sealed class SliceSnapshot
{
    public static readonly SliceSnapshot Empty = new([]);

    public SliceSnapshot(IEnumerable<SliceState> slices)
    {
        States = slices.ToFrozenDictionary(s => s.Name, StringComparer.Ordinal);
        Features = States.Values
            .Select(SliceFeatures.ToDefinition)
            .ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);
        FeatureTasks = Features.ToFrozenDictionary(f => f.Key, f => Task.FromResult(f.Value), StringComparer.Ordinal);
    }

    public FrozenDictionary<string, SliceState> States { get; }

    public FrozenDictionary<string, FeatureDefinition> Features { get; }

    /// <summary>The same definitions as completed tasks, so serving one to FeatureManagement allocates nothing.</summary>
    public FrozenDictionary<string, Task<FeatureDefinition>> FeatureTasks { get; }

    /// <summary>True when the other snapshot holds the same versions (nothing to publish).</summary>
    public bool SameVersionsAs(SliceSnapshot other) =>
        States.Count == other.States.Count &&
        States.All(s => other.States.TryGetValue(s.Key, out var o) && o.Version == s.Value.Version);
}

/// <summary>The current snapshot, shared by the poller, the admin API and the feature definition provider.</summary>
internal sealed class SliceSnapshotHolder
{
    private SliceSnapshot _current = SliceSnapshot.Empty;

    public SliceSnapshot Current => Volatile.Read(ref _current);

    public void Publish(SliceSnapshot snapshot) => Volatile.Write(ref _current, snapshot);
}
