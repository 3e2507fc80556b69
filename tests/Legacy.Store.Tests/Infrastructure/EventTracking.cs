using JasperFx.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wolverine;
using Wolverine.Tracking;

namespace Legacy.Store.Tests.Infrastructure;

/// <summary>Records what the monolith publishes while an action runs (Wolverine's message tracking).</summary>
public static class EventTracking
{
    public static async Task<IReadOnlyList<object>> PublishedDuringAsync(this StoreFactory store, Func<Task> action)
    {
        var host = store.Services.GetRequiredService<IHost>();
        var session = await host.TrackActivity()
            .Timeout(30.Seconds())
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(_ => action()));
        return session.Sent.AllMessages().ToList();
    }
}
