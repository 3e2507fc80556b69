using Migration.Cli.Infrastructure;
using Migration.Facade.Contracts;

namespace Migration.Cli.Commands;

/// <summary>Polls a backfill until it completes or fails, reporting every observation.</summary>
internal sealed class BackfillPoller(IAdminApi api, string service, TimeSpan interval)
{
    public async Task<BackfillProgressDto> WaitAsync(
        BackfillProgressDto current, Action<BackfillProgressDto> observe, CancellationToken cancellationToken)
    {
        observe(current);
        while (!IsFinished(current))
        {
            await Task.Delay(interval, cancellationToken);
            current = await api.GetBackfillAsync(service, cancellationToken);
            observe(current);
        }
        return current;
    }

    public static bool IsFinished(BackfillProgressDto progress) =>
        progress.Status is BackfillProgressDto.Completed or BackfillProgressDto.Failed;
}
