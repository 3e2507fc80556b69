using Migration.Cli.Infrastructure;
using Spectre.Console.Testing;

namespace Migration.Cli.Tests.Support;

internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs the real command tree against a captured console and stderr.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(ICliEnvironment environment, params string[] args)
    {
        var console = new TestConsole().Width(250);
        var error = new StringWriter();
        var host = new CliHost(console, error, environment, TimeSpan.FromMilliseconds(5));
        var exitCode = await StranglerApp.Create(host).RunAsync(args);
        return new CliResult(exitCode, console.Output, error.ToString());
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(new FakeEnvironment(), args);
}
