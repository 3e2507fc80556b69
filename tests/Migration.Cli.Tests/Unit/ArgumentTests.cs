using Migration.Cli.Infrastructure;
using Migration.Cli.Tests.Support;

namespace Migration.Cli.Tests.Unit;

/// <summary>Argument errors are caught before any network call: the URL points nowhere on purpose.</summary>
public sealed class ArgumentTests
{
    private const string Nowhere = "http://127.0.0.1:9";

    [Theory]
    [InlineData("unknown state 'retired'", "flip", "catalog-read", "retired", "--reason", "x")]
    [InlineData("--reason is required", "flip", "catalog-read", "legacy")]
    [InlineData("canary needs --percentage between 1 and 99", "flip", "catalog-read", "canary", "--reason", "x")]
    [InlineData("canary needs --percentage between 1 and 99", "flip", "catalog-read", "canary", "--reason", "x", "--percentage", "100")]
    [InlineData("--limit must be a positive number", "audit", "--limit", "0")]
    [InlineData("Unknown command 'explode'", "explode")]
    [InlineData("is not an http(s) URL", "status", "--url", "localhost")]
    public async Task Usage_errors_print_one_line_and_exit_2(string expected, params string[] args)
    {
        var result = await CliRunner.RunAsync([.. args, .. args.Contains("--url") ? Array.Empty<string>() : ["--url", Nowhere]]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: ", line);
        Assert.Contains(expected, line);
    }

    [Fact]
    public async Task Help_documents_exit_codes_and_environment()
    {
        var result = await CliRunner.RunAsync("flip", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("EXIT CODES", result.Output);
        Assert.Contains("6    the control plane refused the change", result.Output);
        Assert.Contains("STRANGLER_TOKEN_FILE", result.Output);
        Assert.Empty(result.Error);
    }
}
