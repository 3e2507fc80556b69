using System.Collections.Concurrent;
using System.Diagnostics;

namespace EndToEnd.Tests.Infrastructure;

/// <summary>A real host of the system, started with <c>dotnet app.dll</c> on loopback and stopped with the test.</summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppProcess(Process process) => _process = process;

    public string Name { get; private init; } = "";

    public string Output => string.Join(Environment.NewLine, _output);

    public static AppProcess Start(string name, string dll, IEnumerable<string> args, IDictionary<string, string>? env = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = "";
        foreach (var (key, value) in env ?? new Dictionary<string, string>()) info.Environment[key] = value;

        var app = new AppProcess(Process.Start(info)!) { Name = name };
        app._process.OutputDataReceived += (_, e) => { if (e.Data is not null) app._output.Enqueue(e.Data); };
        app._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) app._output.Enqueue(e.Data); };
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Polls <paramref name="healthUrl"/> until it answers 200, or fails with its last answer and the process output.</summary>
    public async Task WaitHealthyAsync(string healthUrl, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        var lastAnswer = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}; its last output:\n{Tail}");
            }
            try
            {
                using var response = await http.GetAsync(healthUrl);
                if (response.IsSuccessStatusCode) return;
                lastAnswer = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (HttpRequestException e) { lastAnswer = e.Message; }
            catch (TaskCanceledException) { lastAnswer = "no answer within 2 s"; }
            await Task.Delay(100);
        }
        // Only the tail: a CI summary shows a message's first lines, and a start-up's last lines say where it stopped.
        throw new TimeoutException($"{Name} was not healthy at {healthUrl} within {timeout} (last answer: {lastAnswer}); its last output:\n{Tail}");
    }

    /// <summary>The last lines the process wrote, newest last.</summary>
    private string Tail => string.Join(Environment.NewLine, _output.TakeLast(40));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
