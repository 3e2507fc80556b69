using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine.Runtime;

namespace Migration.Messaging.Hosting;

/// <summary>
/// Compiles every message handler while the host starts. Wolverine otherwise generates and compiles a handler when its
/// first message arrives, which held the first event after a start for ~2.5 s; replication lag starts honest this way.
/// Registered after Wolverine, so it runs once the runtime is up.
/// </summary>
internal sealed partial class HandlerWarmUp(IWolverineRuntime runtime, ILogger<HandlerWarmUp> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        // The handler graph is public on the runtime class only, not on its interface.
        if (runtime is not WolverineRuntime { Handlers: var handlers })
        {
            return Task.CompletedTask;
        }
        var count = 0;
        foreach (var chain in handlers.Chains)
        {
            handlers.HandlerFor(chain.MessageType);
            count++;
        }
        LogWarmedUp(count, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Compiled {Count} message handlers in {Elapsed:F0} ms")]
    private partial void LogWarmedUp(int count, double elapsed);
}
