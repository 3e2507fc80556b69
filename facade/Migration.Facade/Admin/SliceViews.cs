using Migration.Facade.Contracts;
using Migration.Facade.Flags;

namespace Migration.Facade.Admin;

/// <summary>Joins the configured slices with their current state into the control plane's DTOs.</summary>
internal sealed class SliceViews(SliceCatalog catalog, SliceSnapshotHolder snapshots)
{
    public IReadOnlyList<SliceDto> All()
    {
        var snapshot = snapshots.Current;
        return catalog.Slices.Values.Select(d => ToDto(d, snapshot)).ToList();
    }

    public SliceDto? Find(string name) =>
        catalog.Slices.TryGetValue(name, out var definition) ? ToDto(definition, snapshots.Current) : null;

    public bool Exists(string name) => catalog.Slices.ContainsKey(name);

    public SliceDefinition? Definition(string name) => catalog.Slices.GetValueOrDefault(name);

    public string? TargetClusterOf(string name) => catalog.Slices.GetValueOrDefault(name)?.TargetCluster;

    public static SliceDto ToDto(SliceDefinition definition, SliceState state) => new(
        definition.Name, state.State, state.Percentage, definition.TargetCluster, definition.Routes,
        state.Version, state.UpdatedAt, state.UpdatedBy);

    private static SliceDto ToDto(SliceDefinition definition, SliceSnapshot snapshot) =>
        ToDto(definition, snapshot.States.GetValueOrDefault(definition.Name) ?? SliceState.Initial(definition.Name));
}
