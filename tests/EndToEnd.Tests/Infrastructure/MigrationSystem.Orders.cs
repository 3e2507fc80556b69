namespace EndToEnd.Tests.Infrastructure;

/// <summary>Getting the orders slice ready to flip, as the walkthrough does.</summary>
public partial class MigrationSystem
{
    private Task? _ordersBackfill;

    /// <summary>
    /// Copies the catalog (Orders.Service prices orders from Catalog.Service) and the monolith's orders once, and verifies
    /// both through the CLI: the data gate lets flips of <c>orders</c> through after that.
    /// </summary>
    public Task EnsureOrdersBackfilledAsync() => _ordersBackfill ??= BackfillOrdersAsync();

    private async Task BackfillOrdersAsync()
    {
        await EnsureBackfilledAsync();
        await RunCliOrThrowAsync("data", "backfill", "orders");
        await WaitForLagAsync("orders", TimeSpan.Zero, TimeSpan.FromSeconds(30));
        await RunCliOrThrowAsync("data", "verify", "orders");
    }
}
