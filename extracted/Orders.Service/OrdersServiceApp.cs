namespace Orders.Service;

/// <summary>
/// Marker type naming this host's entry assembly, for <c>WebApplicationFactory&lt;OrdersServiceApp&gt;</c>
/// (a test project hosting several apps cannot use each one's <c>Program</c>).
/// </summary>
public sealed class OrdersServiceApp;
