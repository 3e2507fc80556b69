namespace Migration.Facade.Tests.Support;

/// <summary>
/// The system clock moved by <see cref="Shift"/>: lets a test jump past an expiry without waiting. Timers stay real
/// (the base class's), so the facade's pollers keep running.
/// </summary>
internal sealed class ShiftedClock : TimeProvider
{
    private long _shiftTicks;

    public TimeSpan Shift
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _shiftTicks));
        set => Interlocked.Exchange(ref _shiftTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
}
