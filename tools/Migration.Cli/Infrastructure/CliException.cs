namespace Migration.Cli.Infrastructure;

/// <summary>An expected failure: its message is the one line the user sees on stderr.</summary>
internal sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
