using System.Net;
using System.Net.Sockets;

namespace Migration.Facade.Tests.Support;

internal static class Loopback
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls until <paramref name="condition"/> holds or the deadline passes; returns whether it held.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        do
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(20);
        }
        while (DateTime.UtcNow < deadline);
        return await condition();
    }
}
