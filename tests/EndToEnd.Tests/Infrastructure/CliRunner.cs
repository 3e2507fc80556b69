using System.Diagnostics;

namespace EndToEnd.Tests.Infrastructure;

internal sealed record CliResult(int ExitCode, string StdOut, string StdErr);

/// <summary>Runs the real <c>strangler</c> binary, as a user would.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(IEnumerable<string> args, IDictionary<string, string?>? env = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(BuiltApp.Dll("tools/Migration.Cli", "strangler"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        // Never read a developer's own token file or control-plane address by accident.
        info.Environment["STRANGLER_URL"] = null;
        info.Environment["STRANGLER_TOKEN"] = null;
        info.Environment["STRANGLER_TOKEN_FILE"] = Path.Combine(Path.GetTempPath(), "strangler-e2e-no-token-" + Guid.NewGuid());
        info.Environment["NO_COLOR"] = "1";
        info.Environment["COLUMNS"] = "200";
        foreach (var (key, value) in env ?? new Dictionary<string, string?>()) info.Environment[key] = value;

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
