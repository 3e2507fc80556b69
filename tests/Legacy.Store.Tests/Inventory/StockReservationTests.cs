using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Legacy.Store.Data.Seed;
using Legacy.Store.Inventory;
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

        Assert.Equal(new StockReservationAnswered(request.ReservationId, ReservationOutcome.Held), answer);
        Assert.Equal(answer, again);
        Assert.Equal((before101 - 2, before102 - 1), (await OnHandAsync(101), await OnHandAsync(102)));
    }

    [Fact]
    public async Task Short_stock_holds_nothing_names_the_line_and_gives_the_same_answer_again_after_stock_moved()
    {
        var scarce = Seed.Stock.First(s => s.OnHand is > 0 and < 100 && s.ProductId > 110);
        var before = await OnHandAsync(103);
        var request = new ReserveStock(Guid.NewGuid(), 30, [new StockLine(103, 1), new StockLine(scarce.ProductId, scarce.OnHand + 1)]);

        var answer = await AskAsync(request);
        await AskAsync(new ReserveStock(Guid.NewGuid(), 30, [new StockLine(scarce.ProductId, 1)]));
        var again = await AskAsync(request);

        Assert.Equal(ReservationOutcome.Short, answer.Outcome);
        Assert.Equal(new StockShortage(scarce.ProductId, scarce.OnHand, scarce.OnHand + 1), answer.Shortage);
        Assert.Equal(answer, again);
        Assert.Equal((before, scarce.OnHand - 1), (await OnHandAsync(103), await OnHandAsync(scarce.ProductId)));
    }

    [Theory]
    [InlineData(104, -5)]
    [InlineData(104, 0)]
    [InlineData(999_999, 1)]
    public async Task A_request_that_is_no_valid_order_is_refused_and_moves_no_stock(int product, int quantity)
    {
        var before = await OnHandAsync(104);

        var answer = await AskAsync(new ReserveStock(Guid.NewGuid(), 30, [new StockLine(product, quantity)]));
        var twice = await AskAsync(new ReserveStock(Guid.NewGuid(), 30, [new StockLine(104, 1), new StockLine(104, 1)]));

        Assert.Equal((ReservationOutcome.Invalid, ReservationOutcome.Invalid), (answer.Outcome, twice.Outcome));
        Assert.NotEmpty(answer.Errors!);
        Assert.Equal(["lines[1].productId"], twice.Errors!.Keys);
        if (product == 999_999)
        {
            Assert.Equal(["product 999999 does not exist."], answer.Errors!["lines[0].productId"]);
        }
        Assert.Equal(before, await OnHandAsync(104));
    }

    [Fact]
    public async Task A_release_gives_the_stock_back_once()
    {
        var before = await OnHandAsync(105);
        var id = Guid.NewGuid();
        await AskAsync(new ReserveStock(id, 30, [new StockLine(105, 3)]));
        var held = await OnHandAsync(105);

        await SendAsync(new ReleaseStock(id));
        await SendAsync(new ReleaseStock(id));

        Assert.Equal((before - 3, before), (held, await OnHandAsync(105)));
    }

    [Fact]
    public async Task A_release_that_overtakes_its_reservation_leaves_a_tombstone_and_the_late_request_holds_nothing()
    {
        var before = await OnHandAsync(106);
        var id = Guid.NewGuid();

        await SendAsync(new ReleaseStock(id));
        var late = await AskAsync(new ReserveStock(id, 30, [new StockLine(106, 1)]));

        Assert.Equal(new StockReservationAnswered(id, ReservationOutcome.Released), late);
        Assert.Equal(before, await OnHandAsync(106));
    }

    [Fact]
    public async Task Once_its_order_arrives_the_reservation_is_the_orders_and_a_release_returns_nothing()
    {
        var before = await OnHandAsync(107);
        var id = Guid.NewGuid();
        await AskAsync(new ReserveStock(id, 31, [new StockLine(107, 2)]));

        await SendAsync(Placed(OrderNumbering.ServiceRangeStart + 500, 31, id, (107, 2)));
        await SendAsync(new ReleaseStock(id));

        Assert.Equal(before - 2, await OnHandAsync(107));
        using var client = store.CreateStoreClient();
        await client.SignInAsCustomerAsync(31);
        using var order = await client.Http.GetAsync($"/api/orders/{OrderNumbering.ServiceRangeStart + 500}");
        Assert.True(order.IsSuccessStatusCode);
    }

    [Fact]
    public async Task A_hold_that_ran_out_is_released_and_an_order_arriving_after_it_takes_its_stock_itself()
    {
        var before = await OnHandAsync(108);
        var id = Guid.NewGuid();
        await AskAsync(new ReserveStock(id, 32, [new StockLine(108, 4)]));

        var released = await store.Services.GetRequiredService<ReservationSweeper>().SweepAsync(DateTime.UtcNow.AddSeconds(1), default);
        var afterSweep = await OnHandAsync(108);
        await SendAsync(Placed(OrderNumbering.ServiceRangeStart + 501, 32, id, (108, 4)));

        Assert.True(released >= 1);
        Assert.Equal((before, before - 4), (afterSweep, await OnHandAsync(108)));
    }

    [Fact]
    public async Task An_order_with_other_lines_than_its_reservation_gives_the_reservation_back_and_takes_its_own()
    {
        var (before109, before110) = (await OnHandAsync(109), await OnHandAsync(110));
        var id = Guid.NewGuid();
        await AskAsync(new ReserveStock(id, 33, [new StockLine(109, 5)]));

        await SendAsync(Placed(OrderNumbering.ServiceRangeStart + 502, 33, id, (109, 1), (110, 1)));

        Assert.Equal((before109 - 1, before110 - 1), (await OnHandAsync(109), await OnHandAsync(110)));
    }

    private static OrderPlaced Placed(int orderId, int customer, Guid reservation, params (int Product, int Quantity)[] lines) =>
        new(Guid.NewGuid(), orderId, 1, DateTimeOffset.UtcNow, EventOrigin.Orders, customer, DateTimeOffset.UtcNow,
            lines.Sum(l => l.Quantity * Seed.Products[l.Product - 1].PriceCents),
            lines.Select(l => new OrderLineState(l.Product, Seed.Products[l.Product - 1].Name, Seed.Products[l.Product - 1].PriceCents, l.Quantity)).ToList(),
            reservation);

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
