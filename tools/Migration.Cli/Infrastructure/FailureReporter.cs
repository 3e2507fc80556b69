using Spectre.Console.Cli;

namespace Migration.Cli.Infrastructure;

/// <summary>The single exit path for every failure: one line on stderr, never a stack trace.</summary>
internal static class FailureReporter
{
    public static int Report(Exception exception, TextWriter error)
    {
        var (code, message) = exception switch
        {
            CliException cli => (cli.ExitCode, cli.Message),
            CommandAppException usage => (ExitCodes.Usage, usage.Message),
            OperationCanceledException => (ExitCodes.Failed, "cancelled"),
            _ => (ExitCodes.Failed, $"unexpected {exception.GetType().Name}: {exception.Message}"),
        };
        error.WriteLine($"error: {OneLine(message)}");
        error.Flush();
        return code;
    }

    public static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
