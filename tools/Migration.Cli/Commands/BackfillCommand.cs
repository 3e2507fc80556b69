using System.ComponentModel;
using Migration.Cli.Infrastructure;
using Migration.Facade.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Migration.Cli.Commands;

internal sealed class BackfillSettings : ControlPlaneSettings
{
    [CommandArgument(0, "<service>")]
    [Description("The extracted service (or one of its slices) whose data to copy from the monolith, e.g. catalog.")]
    public string Service { get; init; } = "";

    [CommandOption("--no-wait")]
    [Description("Return as soon as the backfill has started.")]
    public bool NoWait { get; init; }
}

internal sealed class BackfillCommand(CliHost host) : ControlPlaneCommand<BackfillSettings>(host)
{
    protected override async Task<int> RunAsync(IAdminApi api, BackfillSettings settings, CancellationToken cancellationToken)
    {
        var started = await api.StartBackfillAsync(settings.Service, cancellationToken);
        var poller = new BackfillPoller(api, settings.Service, Host.PollInterval);

        BackfillProgressDto final;
        if (settings.NoWait)
        {
            final = started;
        }
        else if (settings.Json)
        {
            final = await poller.WaitAsync(started, _ => { }, cancellationToken);
        }
        else
        {
            final = await Host.Out.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(Markup.Escape($"backfill {settings.Service}"));
                    return await poller.WaitAsync(started, progress => Show(task, progress), cancellationToken);
                });
        }

        Report(settings, final);
        if (final.Status == BackfillProgressDto.Failed)
        {
            throw new CliException(ExitCodes.Failed,
                $"backfill of '{settings.Service}' failed: {final.Error ?? "the service gave no reason"}");
        }
        return ExitCodes.Ok;
    }

    protected override string? NotFoundSubject(BackfillSettings settings) => $"service '{settings.Service}'";

    private static void Show(ProgressTask task, BackfillProgressDto progress)
    {
        // Items are the finer measure; fall back to pages while the total is still unknown.
        var (done, total) = progress.TotalItems > 0
            ? (progress.ItemsCopied, progress.TotalItems)
            : (progress.PagesDone, progress.TotalPages);
        task.MaxValue = Math.Max(total, 1);
        task.Value = progress.Status == BackfillProgressDto.Completed ? task.MaxValue : done;
    }

    private void Report(BackfillSettings settings, BackfillProgressDto progress)
    {
        if (settings.Json)
        {
            WriteJson(progress);
            return;
        }
        Host.Out.MarkupLine(Markup.Escape(
            $"{progress.Service}: backfill {progress.Status}, {progress.ItemsCopied}/{progress.TotalItems} items, " +
            $"{progress.PagesDone}/{progress.TotalPages} pages"));
    }
}
