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
        Side is not ("legacy" or "extracted") ? ValidationResult.Error($"unknown side '{Side}'; use legacy or extracted")
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
        return ExitCodes.Ok;
    }

    protected override string? NotFoundSubject(OverrideSettings settings) => $"slice '{settings.Slice}'";
}
