using Migration.Cli.Infrastructure;
using Migration.Facade.Contracts;
using Spectre.Console;

namespace Migration.Cli.Commands;

internal sealed class FlipCommand(CliHost host) : ControlPlaneCommand<FlipSettings>(host)
{
    protected override async Task<int> RunAsync(IAdminApi api, FlipSettings settings, CancellationToken cancellationToken)
    {
        // The version we read is the one we claim to change: if someone flips in between, the control plane answers 409.
        var current = await api.GetSliceAsync(settings.Slice, cancellationToken);
        var request = new ChangeSliceStateRequest(
            settings.NormalizedState, settings.Percentage, settings.Reason!.Trim(), current.Version);
        var changed = await api.ChangeStateAsync(settings.Slice, request, cancellationToken);

        if (settings.Json)
        {
            WriteJson(changed);
        }
        else
        {
            Host.Out.MarkupLine(
                $"[bold]{Markup.Escape(changed.Name)}[/]: {SliceText.State(current)} → {SliceText.State(changed)} " +
                $"[grey](version {changed.Version}, target {Markup.Escape(changed.TargetCluster)})[/]");
        }
        return ExitCodes.Ok;
    }

    protected override string? NotFoundSubject(FlipSettings settings) => $"slice '{settings.Slice}'";
}
