namespace Migration.Messaging.Events;

/// <summary>The aggregate kinds events are versioned by: one vocabulary for publishers, consumers and reports.</summary>
public static class Streams
{
    public const string Product = "product";
    public const string Category = "category";
    public const string Stock = "stock";
    public const string Customer = "customer";
    public const string Order = "order";
}
