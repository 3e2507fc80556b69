using Migration.Cli.Infrastructure;
using Migration.Facade.Contracts;

namespace Migration.Cli.Commands;

internal sealed class StatusSettings : ControlPlaneSettings;

/// <summary>The progress summary with each slice's live traffic; <c>--json</c> prints both in one object.</summary>
internal sealed record StatusReport(
    int SlicesTotal, int SlicesExtracted, int RoutesTotal, int RoutesExtracted,
    IReadOnlyList<SliceDto> Slices, IReadOnlyList<SliceTrafficDto> Traffic, IReadOnlyList<DataStatusDto> Data);

internal sealed class StatusCommand(CliHost host) : ControlPlaneCommand<StatusSettings>(host)
{
    protected override async Task<int> RunAsync(IAdminApi api, StatusSettings settings, CancellationToken cancellationToken)
    {
        var progress = await api.GetProgressAsync(cancellationToken);
        var traffic = await api.GetTrafficAsync(cancellationToken);
        // Asked at once: each service's status may take up to the facade's data request timeout.
        var data = await Task.WhenAll(progress.Slices.Select(s => s.TargetCluster).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)
            .Select(service => api.GetDataStatusAsync(service, cancellationToken)));
        if (settings.Json)
        {
            WriteJson(new StatusReport(progress.SlicesTotal, progress.SlicesExtracted, progress.RoutesTotal,
                progress.RoutesExtracted, progress.Slices, traffic, data));
        }
        else
        {
            ProgressView.Render(Host.Out, progress);
            TrafficView.Render(Host.Out, traffic);
            DataView.Render(Host.Out, data);
        }
        return ExitCodes.Ok;
    }
}
