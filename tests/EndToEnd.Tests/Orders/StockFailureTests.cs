using System.Diagnostics;
using System.Net;
using EndToEnd.Tests.Infrastructure;
using EndToEnd.Tests.Sync;
using Migration.Facade.Contracts;
using Xunit.Abstractions;

namespace EndToEnd.Tests.Orders;

/// <summary>
/// Placing an order while the stock's owner cannot answer (the broker down, or the monolith killed so its answer never
/// comes): a clear 503 within the bound, no order, and once things are back nothing stays held and the stock is whole.
/// </summary>
internal static class StockFailureScenario
{
    /// <summary>The reply timeout (Stock:ReplyTimeout, 5 s) plus room for a loaded machine.</summary>
    public static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(10);

    public static async Task<(TimeSpan Refused, TimeSpan Released)> NoHalfMadeOrderAsync(
        MigrationSystem system, int customer, Func<Task> breakIt, Func<Task> repair)
    {
        await system.EnsureOrdersBackfilledAsync();
        var product = await OrdersFlipScenario.StockedProductAsync(system, offset: 30 + customer % 10);
        var stockBefore = await OrdersFlipScenario.OnHandAsync(system, product);
        using var session = new StoreSession(system.PublicUrl);
        (await session.SignInAsync($"customer{customer}@example.com", "Passw0rd!")).Dispose();
        await system.FlipAsync("orders", SliceStates.Extracted, "the service places orders");
        var ordersSql = $"SELECT COUNT(*) FROM \"Orders\" WHERE \"CustomerId\" = {customer}";
        var ordersBefore = await system.ScalarAsync(MigrationSystem.Owner.Orders, ordersSql);
        const string releasedSql = "SELECT COUNT(*) FROM \"Reservations\" WHERE \"Status\" = 'Released'";
        var releasedBefore = await system.ScalarAsync(MigrationSystem.Owner.Legacy, releasedSql);

        OrderAnswer answer;
        var clock = Stopwatch.StartNew();
        await breakIt();
        try
        {
            clock.Restart();
            answer = await session.Client.PlaceOrderAsync((product, 1));
            clock.Stop();
        }
        finally
        {
            await repair();
        }
        Assert.True(answer.Status == HttpStatusCode.ServiceUnavailable, $"{answer.Status}: {answer.Body}");
        Assert.Equal("application/problem+json", answer.Response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("nothing was ordered", answer.Body.GetProperty("title").GetString());
        Assert.NotNull(answer.Response.Headers.RetryAfter);
        Assert.True(clock.Elapsed < AnswerBound, $"the refusal took {clock.Elapsed}");
        Assert.Equal(ordersBefore, await system.ScalarAsync(MigrationSystem.Owner.Orders, ordersSql));

        // The release reaches the monolith once it hears again (before or after the request, if that went out at all):
        // the reservation ends released, nothing stays held.
        var released = Stopwatch.StartNew();
        await OrdersFlipScenario.UntilAsync(async () =>
                await system.ScalarAsync(MigrationSystem.Owner.Legacy, releasedSql) > releasedBefore
                && await OrdersFlipScenario.OnHandAsync(system, product) == stockBefore
                && await system.ScalarAsync(MigrationSystem.Owner.Legacy, "SELECT COUNT(*) FROM \"Reservations\" WHERE \"Status\" = 'Held'") == 0,
            "the reservation was released and the stock is whole", system, TimeSpan.FromSeconds(60));
        var releasedAfter = released.Elapsed;

        // And the service takes orders again.
        await OrdersFlipScenario.UntilAsync(async () => (await session.Client.PlaceOrderAsync((product, 1))) is { Status: HttpStatusCode.Created } ok
            && (await session.Client.CancelOrderAsync(ok.Id)).Status == HttpStatusCode.OK, "an order placed after the repair", system, TimeSpan.FromSeconds(60));
        await system.FlipAsync("orders", SliceStates.Legacy, "done");
        return (clock.Elapsed, releasedAfter);
    }
}

[Collection(CrashSystemCollection.Name)]
public sealed class StockReplyLostTests(CrashSystem system, ITestOutputHelper output)
{
    [Fact]
    public async Task The_monolith_killed_before_it_answers_gives_a_503_and_releases_the_stock()
    {
        var (refused, released) = await StockFailureScenario.NoHalfMadeOrderAsync(system, customer: 41, system.StopLegacyAsync, system.RestartLegacyAsync);
        output.WriteLine($"embedded: 503 after {refused.TotalMilliseconds:F0} ms; nothing held {released.TotalMilliseconds:F0} ms after the monolith restarted");
    }
}

[Collection(RabbitMqSystemCollection.Name)]
public sealed class StockBrokerDownTests(RabbitMqSystem system, ITestOutputHelper output)
{
    [Fact]
    public async Task The_broker_down_while_placing_gives_a_503_and_no_half_made_order()
    {
        var (refused, released) = await StockFailureScenario.NoHalfMadeOrderAsync(system, customer: 42,
            () => TestServers.RabbitMqCtlAsync("stop_app"), () => TestServers.RabbitMqCtlAsync("start_app"));
        output.WriteLine($"rabbitmq: 503 after {refused.TotalMilliseconds:F0} ms; nothing held {released.TotalMilliseconds:F0} ms after the broker returned");
    }
}

/// <summary>Row locks need PostgreSQL: SQLite locks the whole database, and a request blocked that way arrives too late.</summary>
[Collection(PostgresSystemCollection.Name)]
public sealed class StockAnswerTooLateTests(PostgresSystem system, ITestOutputHelper output)
{
    [Fact]
    public async Task An_answer_that_comes_after_the_timeout_finds_its_reservation_released()
    {
        await system.EnsureOrdersBackfilledAsync();
        var product = await OrdersFlipScenario.StockedProductAsync(system, offset: 45);
        var stockBefore = await OrdersFlipScenario.OnHandAsync(system, product);
        using var session = new StoreSession(system.PublicUrl);
        (await session.SignInAsync("customer44@example.com", "Passw0rd!")).Dispose();
        await system.FlipAsync("orders", SliceStates.Extracted, "the service places orders");
        const string releasedHolds = "SELECT COUNT(*) FROM \"Reservations\" r WHERE r.\"Status\" = 'Released' " +
            "AND EXISTS (SELECT 1 FROM \"ReservationLines\" l WHERE l.\"ReservationId\" = r.\"Id\")";
        var before = await system.ScalarAsync(MigrationSystem.Owner.Legacy, releasedHolds);

        // The monolith is slow: another transaction holds the product's stock row past the service's reply timeout (5 s).
        // The request arrived in time, so the monolith holds the stock, but only after the service gave up on the answer
        // and sent the release, which then gives it back. (A request that arrives after its timeout is discarded.)
        var answer = await WhileStockIsLockedAsync(system, product, TimeSpan.FromSeconds(7), () => session.Client.PlaceOrderAsync((product, 1)));

        Assert.True(answer.Status == HttpStatusCode.ServiceUnavailable, $"{answer.Status}: {answer.Body}");
        await OrdersFlipScenario.UntilAsync(async () =>
                await system.ScalarAsync(MigrationSystem.Owner.Legacy, releasedHolds) > before
                && await OrdersFlipScenario.OnHandAsync(system, product) == stockBefore
                && await system.ScalarAsync(MigrationSystem.Owner.Legacy, "SELECT COUNT(*) FROM \"Reservations\" WHERE \"Status\" = 'Held'") == 0,
            "the late reservation was held, then released, and the stock is whole", system, TimeSpan.FromSeconds(30));
        await system.FlipAsync("orders", SliceStates.Legacy, "done");
        output.WriteLine("a reservation answered after the timeout was held, then released");
    }

    private static async Task<OrderAnswer> WhileStockIsLockedAsync(MigrationSystem system, int product, TimeSpan duration, Func<Task<OrderAnswer>> action)
    {
        await using var blocker = await system.OpenAsync(MigrationSystem.Owner.Legacy);
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var lockRow = blocker.CreateCommand())
        {
            lockRow.Transaction = transaction;
            lockRow.CommandText = $"SELECT \"OnHand\" FROM \"Stock\" WHERE \"ProductId\" = {product} FOR UPDATE";
            await lockRow.ExecuteScalarAsync();
        }
        var pending = action();
        await Task.Delay(duration);
        await transaction.RollbackAsync();
        return await pending;
    }
}
