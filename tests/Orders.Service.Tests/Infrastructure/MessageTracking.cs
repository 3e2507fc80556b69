using JasperFx.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wolverine;
using Wolverine.Tracking;

namespace Orders.Service.Tests.Infrastructure;

/// <summary>Records what the service sends while an action runs (Wolverine's message tracking).</summary>
internal static class MessageTracking
{
    public static async Task<(T Result, IReadOnlyList<object> Sent)> SentDuringAsync<T>(this OrdersServiceFactory service, Func<Task<T>> action)
    {
        var host = service.Services.GetRequiredService<IHost>();
        T result = default!;
        var session = await host.TrackActivity()
            .Timeout(30.Seconds())
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ => result = await action()));
        return (result, session.Sent.AllMessages().ToList());
    }
}
