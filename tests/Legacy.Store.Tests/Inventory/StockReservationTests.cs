using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Legacy.Store.Data.Seed;
using Legacy.Store.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Migration.Messaging.Events;
using Wolverine;

namespace Legacy.Store.Tests.Inventory;

/// <summary>Stock held for orders a service places, asked for over the bus and answered (request/reply).</summary>
public sealed class StockReservationTests(StoreFactory store) : IClassFixture<StoreFactory>
{
    private static readonly SeedSet Seed = StoreSeed.Create("x", "y");

    [Fact]
    public async Task A_reservation_holds_every_line_and_asking_again_holds_nothing_more()
    {
        var request = new ReserveStock(Guid.NewGuid(), 30, [new StockLine(101, 2), new StockLine(102, 1)]);
        var (before101, before102) = (await OnHandAsync(101), await OnHandAsync(102));

        var answer = await AskAsync(request);
        var again = await AskAsync(request);

        Assert.Equal(new StockReservationAnswered(request.ReservationId, true, null), answer);
        Assert.Equal(answer, again);
        Assert.Equal((before101 - 2, before102 - 1), (await OnHandAsync(101), await OnHandAsync(102)));
    }

    [Fact]
    public async Task Short_stock_holds_nothing_and_names_the_line()
    {
        var scarce = Seed.Stock.First(s => s.OnHand is > 0 and < 100 && s.ProductId > 110);
        var before = await OnHandAsync(103);

        var answer = await AskAsync(new ReserveStock(Guid.NewGuid(), 30, [new StockLine(103, 1), new StockLine(scarce.ProductId, scarce.OnHand + 1)]));

        Assert.False(answer.Held);
        Assert.Equal(new StockShortage(scarce.ProductId, scarce.OnHand, scarce.OnHand + 1), answer.Shortage);
        Assert.Equal((before, scarce.OnHand), (await OnHandAsync(103), await OnHandAsync(scarce.ProductId)));
    }

    [Fact]
    public async Task A_release_gives_the_stock_back_once()
    {
        var before = await OnHandAsync(104);
        var id = Guid.NewGuid();
        await AskAsync(new ReserveStock(id, 30, [new StockLine(104, 3)]));

        await SendAsync(new ReleaseStock(id));
        await SendAsync(new ReleaseStock(id));

        Assert.Equal(before, await OnHandAsync(104));
    }

    [Fact]
    public async Task A_release_that_overtakes_its_reservation_leaves_a_tombstone_and_the_late_request_holds_nothing()
    {
        var before = await OnHandAsync(105);
        var id = Guid.NewGuid();

        await SendAsync(new ReleaseStock(id));
        var late = await AskAsync(new ReserveStock(id, 30, [new StockLine(105, 1)]));

        Assert.Equal(new StockReservationAnswered(id, false, null), late);
        Assert.Equal(before, await OnHandAsync(105));
    }

    [Fact]
    public async Task Once_its_order_arrives_the_reservation_is_the_orders_and_a_release_returns_nothing()
    {
        var before = await OnHandAsync(106);
        var id = Guid.NewGuid();
        await AskAsync(new ReserveStock(id, 31, [new StockLine(106, 2)]));
        var placed = new OrderPlaced(Guid.NewGuid(), OrderNumbering.ServiceRangeStart + 500, 1, DateTimeOffset.UtcNow, EventOrigin.Orders, 31,
            DateTimeOffset.UtcNow, 2 * Seed.Products[105].PriceCents, [new OrderLineState(106, Seed.Products[105].Name, Seed.Products[105].PriceCents, 2)], id);

        await SendAsync(placed);
        await SendAsync(new ReleaseStock(id));

        Assert.Equal(before - 2, await OnHandAsync(106));
    }

    private async Task<StockReservationAnswered> AskAsync(ReserveStock request)
    {
        await using var scope = store.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<StockReservationAnswered>(request);
    }

    private async Task SendAsync(object message)
    {
        await using var scope = store.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(message);
    }

    private async Task<int> OnHandAsync(int productId)
    {
        using var client = store.CreateClient();
        return (int)(await client.GetFromJsonAsync<JsonObject>($"/api/products/{productId}/stock"))!["onHand"]!;
    }
}
