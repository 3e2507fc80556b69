using Migration.Tests.Shared;

namespace Migration.Facade.Tests.Support;

internal static class Loopback
{
    public static int FreePort() => TestPorts.Next();

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
