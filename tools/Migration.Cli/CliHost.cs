using Migration.Cli.Infrastructure;
using Spectre.Console;

namespace Migration.Cli;

/// <summary>
/// Everything the commands touch outside the process: console, stderr, environment, poll cadence.
/// Tests build their own so they can run in parallel without sharing process-wide state.
/// </summary>
internal sealed record CliHost(IAnsiConsole Out, TextWriter Error, ICliEnvironment Environment, TimeSpan PollInterval)
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(500);

    public static CliHost FromProcess() =>
        new(AnsiConsole.Console, Console.Error, new ProcessEnvironment(), DefaultPollInterval);
}
