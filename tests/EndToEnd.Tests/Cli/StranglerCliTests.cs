using System.Text.Json;
using EndToEnd.Tests.Infrastructure;
using Migration.Facade.Contracts;
using Migration.Tests.Shared;

namespace EndToEnd.Tests.Cli;

/// <summary>The real <c>strangler</c> binary against the real facade.</summary>
[Collection(MigrationSystemCollection.Name)]
public sealed class StranglerCliTests(MigrationSystem system)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Flip_then_status_and_audit_report_it()
    {
        var env = system.CliEnvironment(system.OperatorToken);
        // Backfilled and verified, or the data gate refuses the flip to extracted.
        await system.EnsureBackfilledAsync();
        await system.FlipAsync("catalog-read", SliceStates.Legacy, "cli test starts on legacy");

        var flip = await CliRunner.RunAsync(["flip", "catalog-read", "extracted", "--reason", "cli flip"], env);
        Assert.True(flip.ExitCode == 0, flip.StdErr);

        var status = await CliRunner.RunAsync(["status", "--json"], env);
        Assert.True(status.ExitCode == 0, status.StdErr);
        var progress = JsonSerializer.Deserialize<ProgressDto>(status.StdOut, Json)!;
        Assert.Equal(1, progress.SlicesExtracted);
        Assert.Equal(progress.RoutesTotal - progress.Slices.Where(s => s.State != SliceStates.Extracted).Sum(s => s.Routes.Count),
            progress.RoutesExtracted);

        var table = await CliRunner.RunAsync(["status"], env);
        Assert.Contains("catalog-read", table.StdOut, StringComparison.Ordinal);
        Assert.Contains("extracted", table.StdOut, StringComparison.Ordinal);

        var audit = await CliRunner.RunAsync(["audit", "--json", "--slice", "catalog-read"], env);
        var entries = JsonSerializer.Deserialize<AuditEntryDto[]>(audit.StdOut, Json)!;
        Assert.Equal(("cli flip", SliceStates.Extracted), (entries[0].Reason, entries[0].ToState));

        var back = await CliRunner.RunAsync(["flip", "catalog-read", "legacy", "--reason", "cli flip back"], env);
        Assert.True(back.ExitCode == 0, back.StdErr);
    }

    [Theory]
    [InlineData("operator", new[] { "flip", "no-such-slice", "extracted", "--reason", "x" }, "no-such-slice")]
    [InlineData("operator", new[] { "flip", "catalog-read", "sideways", "--reason", "x" }, "sideways")]
    [InlineData("viewer", new[] { "flip", "catalog-read", "extracted", "--reason", "x" }, "")]
    [InlineData("wrong", new[] { "status" }, "")]
    public async Task Refusals_are_one_clear_line_and_a_non_zero_exit(string who, string[] args, string mentioned)
    {
        var token = who switch { "operator" => system.OperatorToken, "viewer" => system.ViewerToken, _ => "wrong-token" };
        var result = await CliRunner.RunAsync(args, system.CliEnvironment(token));

        Assert.NotEqual(0, result.ExitCode);
        var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(mentioned, lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_control_plane_is_one_clear_line()
    {
        var closed = $"http://127.0.0.1:{TestPorts.Next()}";
        var result = await CliRunner.RunAsync(["status", "--url", closed, "--token", "x"]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(closed, result.StdErr, StringComparison.Ordinal);
    }
}
