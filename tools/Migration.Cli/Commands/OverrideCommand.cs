using System.ComponentModel;
using Migration.Cli.Infrastructure;
using Migration.Facade.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Migration.Cli.Commands;

internal sealed class OverrideSettings : SliceReasonSettings
{
    [CommandArgument(1, "<side>")]
    [Description("legacy or extracted.")]
    public string Side { get; init; } = "";

    [CommandOption("-m|--minutes <N>")]
    [Description("How long the pass is valid (default 60).")]
    public int? Minutes { get; init; }

    public override ValidationResult Validate() =>
        !Sides.IsKnown(Side) ? ValidationResult.Error($"unknown side '{Side}'; use legacy or extracted")
        : Minutes is < 1 ? ValidationResult.Error("--minutes must be at least 1")
        : base.Validate();
}

/// <summary>Issues a tester pass: requests carrying it in X-Migration-Side go to the chosen side.</summary>
internal sealed class OverrideCommand(CliHost host) : ControlPlaneCommand<OverrideSettings>(host)
{
    protected override async Task<int> RunAsync(IAdminApi api, OverrideSettings settings, CancellationToken cancellationToken)
    {
        var pass = await api.IssueOverrideAsync(settings.Slice,
            new IssueSideOverrideRequest(settings.Side, settings.Reason!.Trim(), settings.Minutes), cancellationToken);
        if (settings.Json)
        {
            WriteJson(pass);
            return ExitCodes.Ok;
        }
        Host.Out.MarkupLine($"[grey]{Markup.Escape(pass.Slice)} → {Markup.Escape(pass.Side)} until {SliceText.When(pass.ExpiresAt)}; send:[/]");
        Host.Out.WriteLine($"{SideOverrideDto.HeaderName}: {pass.Value}");
        Host.Out.MarkupLine($"[grey]pass id {Markup.Escape(pass.Id)} (strangler revoke {Markup.Escape(pass.Slice)} {Markup.Escape(pass.Id)} --reason …)[/]");
        return ExitCodes.Ok;
    }

    protected override string? NotFoundSubject(OverrideSettings settings) => $"slice '{settings.Slice}'";
}

internal sealed class RevokeSettings : SliceReasonSettings
{
    [CommandArgument(1, "<id>")]
    [Description("The pass's id, as printed when it was issued.")]
    public string Id { get; init; } = "";

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Id) ? ValidationResult.Error("a pass id is required") : base.Validate();
}

/// <summary>Ends a tester pass now, on every facade instance within a poll interval; audited.</summary>
internal sealed class RevokeCommand(CliHost host) : ControlPlaneCommand<RevokeSettings>(host)
{
    protected override async Task<int> RunAsync(IAdminApi api, RevokeSettings settings, CancellationToken cancellationToken)
    {
        var revoked = await api.RevokeOverrideAsync(settings.Slice, settings.Id, new RevokeSideOverrideRequest(settings.Reason!.Trim()), cancellationToken);
        if (settings.Json)
        {
            WriteJson(revoked);
            return ExitCodes.Ok;
        }
        Host.Out.MarkupLine($"{Markup.Escape(revoked.Slice)}: {Markup.Escape(revoked.Side)} pass {Markup.Escape(revoked.Id)} of {Markup.Escape(revoked.IssuedBy)} revoked");
        return ExitCodes.Ok;
    }

    protected override string? NotFoundSubject(RevokeSettings settings) => $"pass '{settings.Id}' of slice '{settings.Slice}'";
}
