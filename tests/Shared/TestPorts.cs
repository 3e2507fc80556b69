using System.Net;
using System.Net.Sockets;

namespace Migration.Tests.Shared;

/// <summary>
/// Ports for test servers, shared by the test projects. Not from bind(0): such a port is ephemeral, so between its
/// release and the server's bind an outgoing connection, or the next bind(0) in a parallel test, could take it (seen:
/// a facade's two listeners got the same port). These come from below Linux's ephemeral range (32768+), in order
/// from a random start per process, and only if nothing listens there now.
/// </summary>
internal static class TestPorts
{
    private const int First = 20000;
    private const int Count = 12000;
    private static int _next = Random.Shared.Next(Count);

    public static int Next()
    {
        for (var attempt = 0; attempt < Count; attempt++)
        {
            var port = First + (int)((uint)Interlocked.Increment(ref _next) % Count);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: by another test process, or a service such as RabbitMQ's 25672.
            }
        }
        throw new InvalidOperationException($"No free loopback port in {First}-{First + Count - 1}.");
    }
}
