using System.Runtime.InteropServices;

namespace Migration.Facade.Shadow;

/// <summary>
/// Puts the calling thread at the operating system's lowest scheduling priority, so it only gets CPU time the
/// users' requests leave idle. On Linux, <see cref="Thread.Priority"/> has no effect; a thread's nice value does.
/// </summary>
internal static class IdlePriority
{
    private const int PrioProcess = 0;
    private const int LowestNice = 19;

    /// <summary>False when the platform refused; the thread then keeps the normal priority.</summary>
    public static bool TryApplyToCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            Thread.CurrentThread.Priority = ThreadPriority.Lowest;
            return true;
        }
        try
        {
            // Raising one's own nice value needs no privilege; on Linux it applies to one thread when given its id.
            return setpriority(PrioProcess, gettid(), LowestNice) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int gettid();

    [DllImport("libc", SetLastError = true)]
    private static extern int setpriority(int which, int who, int prio);
}
