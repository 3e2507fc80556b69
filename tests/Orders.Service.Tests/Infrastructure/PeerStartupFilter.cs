using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Orders.Service.Tests.Infrastructure;

/// <summary>
/// TestServer leaves the peer address empty. The facade calls from loopback, so tests say so (or name another peer)
/// and the forwarded-headers middleware decides exactly as it would in production.
/// </summary>
internal sealed class PeerStartupFilter(Func<IPAddress> peer) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = peer();
            return nextMiddleware(context);
        });
        next(app);
    };
}
