namespace Migration.Facade.Tests.Support;

/// <summary>An exporter's target: OpenTelemetry adds from whichever thread ends an activity, other tests' facades' included.</summary>
internal sealed class LockedCollection<T> : System.Collections.ObjectModel.Collection<T>
{
    private readonly Lock _lock = new();

    public T[] Snapshot()
    {
        lock (_lock) return [.. this];
    }

    protected override void InsertItem(int index, T item)
    {
        lock (_lock) base.InsertItem(index, item);
    }
}
