using System.ComponentModel;
using Migration.Cli.Infrastructure;
using Migration.Facade.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Migration.Cli.Commands;

/// <summary>A slice and a reason: what shadow, canary and rollback share.</summary>
internal class SliceReasonSettings : ControlPlaneSettings
{
    [CommandArgument(0, "<slice>")]
    [Description("The slice to change, e.g. catalog-read.")]
    public string Slice { get; init; } = "";

    [CommandOption("-r|--reason <REASON>")]
    [Description("Why; recorded in the audit log.")]
    public string? Reason { get; init; }

    protected virtual bool ReasonRequired => true;

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Slice) ? ValidationResult.Error("a slice name is required")
        : ReasonRequired && string.IsNullOrWhiteSpace(Reason) ? ValidationResult.Error("--reason is required: say why, it goes into the audit log")
        : ValidationResult.Success();
}

/// <summary>Settings of a command that may override the data gate.</summary>
internal interface IForcible
{
    bool Force { get; }
}

internal sealed class CanarySettings : SliceReasonSettings, IForcible
{
    [CommandOption("--force")]
    [Description("Start the canary even though the data gate refuses; audited as forced.")]
    public bool Force { get; init; }

    [CommandArgument(1, "<percent>")]
    [Description("Share of users sent to the extracted side, 1-99. Users already there stay there when it grows.")]
    public int Percent { get; init; }

    public override ValidationResult Validate() =>
        Percent is < 1 or > 99 ? ValidationResult.Error("the canary percentage must be between 1 and 99") : base.Validate();
}

internal sealed class RollbackSettings : SliceReasonSettings
{
    protected override bool ReasonRequired => false;
}

internal sealed class ShadowCommand(CliHost host) : StateChangeCommand<SliceReasonSettings>(host)
{
    protected override (string, string, int?, string) Change(SliceReasonSettings s) => (s.Slice, SliceStates.Shadow, null, s.Reason!);
}

internal sealed class CanaryCommand(CliHost host) : StateChangeCommand<CanarySettings>(host)
{
    protected override (string, string, int?, string) Change(CanarySettings s) => (s.Slice, SliceStates.Canary, s.Percent, s.Reason!);
}

/// <summary>Back to the monolith at once; the reason may be left out in an emergency.</summary>
internal sealed class RollbackCommand(CliHost host) : StateChangeCommand<RollbackSettings>(host)
{
    protected override (string, string, int?, string) Change(RollbackSettings s) =>
        (s.Slice, SliceStates.Legacy, null, string.IsNullOrWhiteSpace(s.Reason) ? "rollback" : s.Reason);
}
