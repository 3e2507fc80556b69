using System.ComponentModel;
using Migration.Cli.Infrastructure;
using Migration.Facade.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Migration.Cli.Commands;

internal sealed class FlipSettings : ControlPlaneSettings, IForcible
{
    [CommandOption("--force")]
    [Description("Flip even though the data gate refuses (lag, or no clean verify since the backfill); audited as forced.")]
    public bool Force { get; init; }

    [CommandArgument(0, "<slice>")]
    [Description("The slice to change, e.g. catalog-read.")]
    public string Slice { get; init; } = "";

    [CommandArgument(1, "<state>")]
    [Description("legacy, shadow, canary or extracted.")]
    public string State { get; init; } = "";

    [CommandOption("-r|--reason <REASON>")]
    [Description("Why; recorded in the audit log. Required.")]
    public string? Reason { get; init; }

    [CommandOption("-p|--percentage <N>")]
    [Description("Share of users sent to the extracted side, 1-99. Required for canary, not allowed otherwise.")]
    public int? Percentage { get; init; }

    /// <summary>The state as the wire expects it (lower case).</summary>
    public string NormalizedState => State.Trim().ToLowerInvariant();

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Slice))
        {
            return ValidationResult.Error("a slice name is required");
        }
        if (!SliceStates.IsKnown(NormalizedState))
        {
            return ValidationResult.Error($"unknown state '{State}'; use one of {string.Join(", ", SliceStates.All)}");
        }
        if (string.IsNullOrWhiteSpace(Reason))
        {
            return ValidationResult.Error("--reason is required: say why, it goes into the audit log");
        }
        if (NormalizedState == SliceStates.Canary)
        {
            return Percentage is >= 1 and <= 99
                ? ValidationResult.Success()
                : ValidationResult.Error("canary needs --percentage between 1 and 99");
        }
        return Percentage is null
            ? ValidationResult.Success()
            : ValidationResult.Error($"--percentage only applies to canary, not to {NormalizedState}");
    }
}
