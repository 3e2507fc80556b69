using Migration.Cli.Infrastructure;

namespace Migration.Cli.Commands;

internal sealed class StatusSettings : ControlPlaneSettings;

internal sealed class StatusCommand(CliHost host) : ControlPlaneCommand<StatusSettings>(host)
{
    protected override async Task<int> RunAsync(IAdminApi api, StatusSettings settings, CancellationToken cancellationToken)
    {
        var progress = await api.GetProgressAsync(cancellationToken);
        if (settings.Json)
        {
            WriteJson(progress);
        }
        else
        {
            ProgressView.Render(Host.Out, progress);
        }
        return ExitCodes.Ok;
    }
}
