using System.Runtime.InteropServices;

namespace Migration.Facade.Shadow;

/// <summary>
/// Puts the calling thread at the operating system's lowest priority, so it gets little CPU time while users'
/// requests want it. On Linux <see cref="Thread.Priority"/> has no effect; a thread's nice value does.
/// </summary>
/// <remarks>
/// Nice 19 rather than SCHED_IDLE: measured on one core loaded by one connection, SCHED_IDLE mirror threads got too little of
/// the idle time between requests and about half the mirrors were shed; at nice 19 all of them were compared.
/// </remarks>
internal static class IdlePriority
{
    public const int LowestNice = 19;

    private const int PrioProcess = 0;

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
