using Microsoft.FeatureManagement;
using Migration.Facade.Contracts;

namespace Migration.Facade.Flags;

/// <summary>
/// Maps a slice's stored state to a Microsoft.FeatureManagement feature "slice:{name}". Enabled means
/// "this request goes to the extracted side":
/// legacy → disabled; extracted → always on; canary → on, with a percentile allocation of the variants
/// "extracted"/"legacy" seeded per slice (the legacy variant overrides the status to disabled, so each
/// targeted user gets a sticky answer); shadow → disabled (legacy answers; the mirroring stage reads the state itself).
/// </summary>
internal static class SliceFeatures
{
    public const string Prefix = "slice:";
    public const string ExtractedVariant = Sides.Extracted;
    public const string LegacyVariant = Sides.Legacy;
    private const string AlwaysOn = "AlwaysOn";

    public static string FeatureName(string slice) => Prefix + slice;

    public static FeatureDefinition ToDefinition(SliceState slice) => slice.State switch
    {
        SliceStates.Extracted => new FeatureDefinition
        {
            Name = FeatureName(slice.Name),
            EnabledFor = [new FeatureFilterConfiguration { Name = AlwaysOn }],
        },
        SliceStates.Canary => new FeatureDefinition
        {
            Name = FeatureName(slice.Name),
            EnabledFor = [new FeatureFilterConfiguration { Name = AlwaysOn }],
            Variants =
            [
                new VariantDefinition { Name = ExtractedVariant },
                new VariantDefinition { Name = LegacyVariant, StatusOverride = StatusOverride.Disabled },
            ],
            Allocation = new Allocation
            {
                Seed = FeatureName(slice.Name),
                DefaultWhenEnabled = LegacyVariant,
                Percentile =
                [
                    new PercentileAllocation { Variant = ExtractedVariant, From = 0, To = slice.Percentage },
                    new PercentileAllocation { Variant = LegacyVariant, From = slice.Percentage, To = 100 },
                ],
            },
        },
        _ => new FeatureDefinition { Name = FeatureName(slice.Name), Status = FeatureStatus.Disabled },
    };
}
