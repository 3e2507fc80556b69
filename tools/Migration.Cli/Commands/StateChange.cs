using Migration.Cli.Infrastructure;
using Migration.Facade.Contracts;
using Spectre.Console;

namespace Migration.Cli.Commands;

/// <summary>
/// What every state-changing command does: read the slice's version, claim it in the change (a flip by someone
/// else in between answers 409), and print the move.
/// </summary>
internal abstract class StateChangeCommand<TSettings>(CliHost host) : ControlPlaneCommand<TSettings>(host)
    where TSettings : ControlPlaneSettings
{
    protected abstract (string Slice, string State, int? Percentage, string Reason) Change(TSettings settings);

    protected override async Task<int> RunAsync(IAdminApi api, TSettings settings, CancellationToken cancellationToken)
    {
        var (slice, state, percentage, reason) = Change(settings);
        var current = await api.GetSliceAsync(slice, cancellationToken);
        var changed = await api.ChangeStateAsync(slice,
            new ChangeSliceStateRequest(state, percentage, reason.Trim(), current.Version, settings is IForcible { Force: true }),
            cancellationToken);

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

    protected override string? NotFoundSubject(TSettings settings) => $"slice '{Change(settings).Slice}'";
}
