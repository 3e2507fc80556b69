using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Legacy.Store.Contracts;
using Legacy.Store.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Migration.Messaging.Events;
using Wolverine;

namespace Legacy.Store.Tests.Orders;

/// <summary>The monolith's side of moving orders: it publishes its order writes and keeps the ones Orders.Service makes.</summary>
public sealed class OrderSyncTests(StoreFactory store) : IClassFixture<StoreFactory>
{
    [Fact]
    public async Task Placing_and_cancelling_publish_the_order_at_versions_1_and_2()
    {
        using var client = store.CreateStoreClient();
        await client.SignInAsCustomerAsync(40);
        var me = await MeAsync(client);
        HttpResponseMessage? response = null;

        var placed = await store.PublishedDuringAsync(async () => response = await client.Http.PostAsJsonAsync("/api/orders",
            new { lines = new[] { new { productId = 120, quantity = 2 } } }));
        var order = await response!.Content.ReadFromJsonAsync<JsonObject>();
        var id = (int)order!["id"]!;
        var cancelled = await store.PublishedDuringAsync(async () => (await client.Http.PostAsync($"/api/orders/{id}/cancel", null)).EnsureSuccessStatusCode());

        var p = Assert.IsType<OrderPlaced>(Assert.Single(placed));
        Assert.Equal((id, 1L, EventOrigin.Monolith, me, (Guid?)null), (p.OrderId, p.Version, p.Origin, p.CustomerId, p.ReservationId));
        Assert.Equal(120, Assert.Single(p.Lines).ProductId);
        Assert.Equal((long)Math.Round((decimal)order["total"]! * 100), p.TotalCents);
        var c = Assert.IsType<OrderCancelled>(Assert.Single(cancelled));
        Assert.Equal((id, 2L, EventOrigin.Monolith), (c.OrderId, c.Version, c.Origin));
    }

    [Fact]
    public async Task An_order_the_service_placed_shows_on_the_customers_pages_and_the_monoliths_own_ids_stay_below_the_services()
    {
        using var client = store.CreateStoreClient();
        await client.SignInAsCustomerAsync(41);
        var me = await MeAsync(client);
        var serviceOrder = OrderNumbering.ServiceRangeStart + 41;

        await SendAsync(Placed(serviceOrder, me, EventOrigin.Orders));
        using var placed = await client.Http.PostAsJsonAsync("/api/orders", new { lines = new[] { new { productId = 121, quantity = 1 } } });

        var mine = await client.Http.GetFromJsonAsync<JsonArray>("/api/customers/me/orders");
        Assert.Contains(serviceOrder, mine!.Select(o => (int)o!["id"]!));
        var page = await client.Http.GetStringAsync($"/orders/{serviceOrder}");
        Assert.Contains("Service Lamp", page);
        var own = (int)(await placed.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        Assert.InRange(own, 1, OrderNumbering.ServiceRangeStart - 1);
    }

    [Fact]
    public async Task An_order_of_the_service_without_a_reservation_takes_its_stock_and_its_cancel_returns_it_once()
    {
        using var client = store.CreateStoreClient();
        await client.SignInAsCustomerAsync(42);
        var me = await MeAsync(client);
        var id = OrderNumbering.ServiceRangeStart + 42;
        var before = await OnHandAsync(client, 122);

        await SendAsync(Placed(id, me, EventOrigin.Orders));
        var placed = await OnHandAsync(client, 122);
        var cancel = new OrderCancelled(Guid.NewGuid(), id, 2, DateTimeOffset.UtcNow, EventOrigin.Orders, me);
        await SendAsync(cancel);
        await SendAsync(cancel with { EventId = Guid.NewGuid() });

        Assert.Equal((before - 3, before), (placed, await OnHandAsync(client, 122)));
        Assert.Equal("Cancelled", (string?)(await client.Http.GetFromJsonAsync<JsonObject>($"/api/orders/{id}"))!["status"]);
    }

    [Fact]
    public async Task The_monoliths_own_events_never_come_back()
    {
        using var client = store.CreateStoreClient();
        await client.SignInAsCustomerAsync(43);
        var echo = OrderNumbering.ServiceRangeStart + 4243;

        await SendAsync(Placed(echo, await MeAsync(client), EventOrigin.Monolith));

        using var response = await client.Http.GetAsync($"/api/orders/{echo}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_cancel_the_other_side_made_first_is_the_monoliths_409_and_returns_the_stock_once()
    {
        using var client = store.CreateStoreClient();
        await client.SignInAsCustomerAsync(44);
        var me = await MeAsync(client);
        using var placed = await client.Http.PostAsJsonAsync("/api/orders", new { lines = new[] { new { productId = 123, quantity = 2 } } });
        var id = (int)(await placed.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var before = await OnHandAsync(client, 123);

        await SendAsync(new OrderCancelled(Guid.NewGuid(), id, 2, DateTimeOffset.UtcNow, EventOrigin.Orders, me));
        using var cancel = await client.Http.PostAsync($"/api/orders/{id}/cancel", null);

        Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
        Assert.Equal(before + 2, await OnHandAsync(client, 123));
    }

    [Fact]
    public async Task The_order_feed_pages_orders_with_their_lines_and_both_tables_have_parity_digests()
    {
        using var client = store.CreateClient();

        using var page = await client.GetAsync($"{OrderParity.Orders}?afterId=0&limit=2");
        var orders = await page.Content.ReadFromJsonAsync<List<OrderSnapshot>>();
        var changes = await client.GetFromJsonAsync<JsonArray>($"{OrderParity.Changes}?limit=5");
        var tables = await client.GetFromJsonAsync<List<string>>(OrderParity.OwnerPrefix);

        Assert.NotNull(orders);
        Assert.Equal([1, 2], orders.Select(o => o.Id));
        Assert.All(orders, o => Assert.NotEmpty(o.Lines));
        Assert.True(int.Parse(page.Headers.GetValues("X-Total-Count").Single()) >= 5000);
        Assert.Equal(5, changes!.Count);
        Assert.Equal(OrderParity.Tables, tables);
        foreach (var table in OrderParity.Tables)
        {
            var digest = await client.GetFromJsonAsync<JsonObject>($"{OrderParity.OwnerPrefix}/{table}/digest");
            Assert.True((int)digest!["count"]! >= 5000, table);
        }
    }

    private static OrderPlaced Placed(int id, int customer, EventOrigin origin) =>
        new(Guid.NewGuid(), id, 1, DateTimeOffset.UtcNow, origin, customer, DateTimeOffset.UtcNow, 3 * 1250,
            [new OrderLineState(122, "Service Lamp", 1250, 3)], null);

    private async Task SendAsync(object message)
    {
        await using var scope = store.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(message);
    }

    private static async Task<int> MeAsync(StoreClient client) =>
        (int)(await client.Http.GetFromJsonAsync<JsonObject>("/api/customers/me"))!["id"]!;

    private static async Task<int> OnHandAsync(StoreClient client, int productId) =>
        (int)(await client.Http.GetFromJsonAsync<JsonObject>($"/api/products/{productId}/stock"))!["onHand"]!;
}
