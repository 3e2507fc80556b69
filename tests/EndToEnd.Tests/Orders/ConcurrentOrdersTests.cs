using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using EndToEnd.Tests.Infrastructure;
using Migration.Facade.Contracts;
using Xunit.Abstractions;

namespace EndToEnd.Tests.Orders;

/// <summary>A system of its own for the concurrent-orders test, which moves a lot of stock.</summary>
public sealed class OrdersLoadSystem : MigrationSystem
{
    // 50 customers at once on 2 shared cores: the stock answer may queue behind the load for longer than the default 5 s,
    // and this test is about what the answers do, not how fast they come (StockFailureTests bounds that).
    protected override IEnumerable<string> ExtraOrdersArguments => ["--Stock:ReplyTimeout=00:00:20"];
}

[CollectionDefinition(Name)]
public sealed class OrdersLoadSystemCollection : ICollectionFixture<OrdersLoadSystem>
{
    public const string Name = "orders load system";
}

/// <summary>
/// 50 signed-in customers place and cancel orders at the same time through the facade during a 10 % canary (both sides
/// write, for different customers), after the flip to extracted, and after a rollback, each time also cancelling the
/// orders they placed before the flip (on the other side). Afterwards both databases hold
/// every order with the same status and total, stock equals what it was minus what live orders hold, and verify is clean.
/// </summary>
[Collection(OrdersLoadSystemCollection.Name)]
public sealed class ConcurrentOrdersTests(OrdersLoadSystem system, ITestOutputHelper output)
{
    private const int Customers = 50;
    private const int FirstCustomer = 101;
    private sealed record Placed(int Id, int Customer, int Product, int Quantity, long TotalCents, string Phase, bool Cancelled);

    [Fact]
    public async Task Fifty_customers_order_and_cancel_through_a_canary_the_flip_and_a_rollback()
    {
        await system.EnsureOrdersBackfilledAsync();
        var products = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            products.Add((int)await system.ScalarAsync(MigrationSystem.Owner.Legacy,
                $"SELECT s.\"ProductId\" FROM \"Stock\" s JOIN \"Products\" p ON p.\"Id\" = s.\"ProductId\" WHERE s.\"OnHand\" >= 150 AND p.\"IsDeleted\" = false ORDER BY s.\"ProductId\" LIMIT 1 OFFSET {i}"));
        }
        var before = new Dictionary<int, long>();
        foreach (var p in products) before[p] = await OrdersFlipScenario.OnHandAsync(system, p);

        var sessions = Enumerable.Range(FirstCustomer, Customers).Select(_ => new StoreSession(system.PublicUrl)).ToList();
        try
        {
            await Task.WhenAll(sessions.Select(async (s, i) => (await s.SignInAsync($"customer{FirstCustomer + i}@example.com", "Passw0rd!")).Dispose()));
            var placed = new ConcurrentDictionary<int, Placed>();
            using var lag = new LagSampler(system);

            await system.FlipAsync("orders", SliceStates.Canary, "10 % canary under load", percentage: 10);
            await RoundAsync("canary", sessions, products, placed, cancelFrom: null);
            // Each later round also cancels the previous round's live orders, mostly on the side that did not place them:
            // those have to be on both sides first (read-your-writes).
            await ConvergedAsync(placed.Values.ToList());
            await system.FlipAsync("orders", SliceStates.Extracted, "all customers");
            await RoundAsync("extracted", sessions, products, placed, cancelFrom: "canary");
            await ConvergedAsync(placed.Values.ToList());
            await system.FlipAsync("orders", SliceStates.Legacy, "roll back");
            await RoundAsync("legacy", sessions, products, placed, cancelFrom: "extracted");
            var converged = await ConvergedAsync(placed.Values.ToList());
            var lagP99 = lag.Percentile(0.99);

            var all = placed.Values.ToList();
            var canary = all.Where(p => p.Phase == "canary").ToList();
            var onService = canary.Count(p => p.Id >= OrdersFlipScenario.ServiceRangeStart);
            Assert.True(onService > 0 && onService < canary.Count, $"a 10 % canary writes on both sides: {onService} of {canary.Count} on the service");
            Assert.All(all.Where(p => p.Phase == "extracted"), p => Assert.True(p.Id >= OrdersFlipScenario.ServiceRangeStart));
            Assert.All(all.Where(p => p.Phase == "legacy"), p => Assert.True(p.Id < OrdersFlipScenario.ServiceRangeStart));

            // The monolith's own answers (what its order pages read) after the rollback, for every customer's orders.
            await Task.WhenAll(sessions.Select(async (s, i) =>
            {
                var mine = (await s.Client.MyOrdersAsync(100)).Body.EnumerateArray().ToDictionary(o => o.GetProperty("id").GetInt32());
                foreach (var p in all.Where(p => p.Customer == FirstCustomer + i))
                {
                    Assert.True(mine.TryGetValue(p.Id, out var order), $"order {p.Id} of customer {p.Customer} is in the monolith's list");
                    Assert.Equal(p.TotalCents, (long)(order.GetProperty("total").GetDecimal() * 100));
                    Assert.Equal(p.Cancelled ? "Cancelled" : "Placed", order.GetProperty("status").GetString());
                }
                // The newest orders head the monolith's own order page.
                var page = await s.Client.GetStringAsync("/orders");
                Assert.All(all.Where(p => p.Customer == FirstCustomer + i), p => Assert.Contains($"#{p.Id}", page));
            }));

            foreach (var product in products)
            {
                var held = all.Where(p => p.Product == product && !p.Cancelled).Sum(p => p.Quantity);
                Assert.Equal(before[product] - held, await OrdersFlipScenario.OnHandAsync(system, product));
            }
            await system.RunCliOrThrowAsync("data", "verify", "orders");
            output.WriteLine($"orders placed: {all.Count} (canary: {canary.Count - onService} monolith / {onService} service; " +
                $"extracted: {all.Count(p => p.Phase == "extracted")}; after rollback: {all.Count(p => p.Phase == "legacy")}), " +
                $"cancelled: {all.Count(p => p.Cancelled)}, both sides agreed {converged.TotalMilliseconds:F0} ms after the last write, " +
                $"replication lag p99 {lagP99:F3} s over {lag.Count} samples, verify: 0 mismatches");
        }
        finally
        {
            foreach (var s in sessions) s.Dispose();
        }
    }

    /// <summary>Every customer at once: two orders, the first cancelled again, and the live order of <paramref name="cancelFrom"/> cancelled.</summary>
    private async Task RoundAsync(
        string phase, List<StoreSession> sessions, List<int> products, ConcurrentDictionary<int, Placed> placed, string? cancelFrom)
    {
        await Task.WhenAll(sessions.Select(async (session, i) =>
        {
            var customer = FirstCustomer + i;
            var mine = new List<Placed>();
            for (var k = 0; k < 2; k++)
            {
                var product = products[(customer + k + phase.Length) % products.Count];
                var quantity = 1 + (customer + k) % 2;
                var answer = await session.Client.PlaceOrderAsync((product, quantity));
                Assert.True(answer.Status == HttpStatusCode.Created, $"{phase}: customer {customer}: {answer.Status} {answer.Body}\n{system.Diagnostics()}");
                mine.Add(new(answer.Id, customer, product, quantity, (long)(answer.Total * 100), phase, false));
            }
            var cancel = await session.Client.CancelOrderAsync(mine[0].Id);
            Assert.True(cancel.Status == HttpStatusCode.OK, $"{phase}: cancel {mine[0].Id}: {cancel.Status} {cancel.Body}");
            placed[mine[0].Id] = mine[0] with { Cancelled = true };
            placed[mine[1].Id] = mine[1];
            foreach (var earlier in placed.Values.Where(p => p.Customer == customer && p.Phase == cancelFrom && !p.Cancelled).ToList())
            {
                var late = await session.Client.CancelOrderAsync(earlier.Id);
                Assert.True(late.Status == HttpStatusCode.OK, $"{phase}: cancel {earlier.Id} of {cancelFrom}: {late.Status} {late.Body}\n{system.Diagnostics()}");
                placed[earlier.Id] = earlier with { Cancelled = true };
            }
        }));
    }

    /// <summary>Waits until both databases hold every order with its status and total; how long that took.</summary>
    private async Task<TimeSpan> ConvergedAsync(List<Placed> placed)
    {
        var clock = Stopwatch.StartNew();
        var ids = string.Join(",", placed.Select(p => p.Id));
        var expected = placed.Sum(p => p.TotalCents * (p.Cancelled ? 3 : 1));
        // One number per side: the orders' totals, cancelled ones weighted differently so a status difference shows.
        var sql = $"SELECT COALESCE(SUM(CASE WHEN \"Status\" = 'Cancelled' THEN 3 * \"TotalCents\" ELSE \"TotalCents\" END), 0) FROM \"Orders\" WHERE \"Id\" IN ({ids})";
        while (await system.ScalarAsync(MigrationSystem.Owner.Legacy, sql) != expected || await system.ScalarAsync(MigrationSystem.Owner.Orders, sql) != expected)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"both sides did not agree on {placed.Count} orders within 30 s\n{system.Diagnostics()}");
            await Task.Delay(50);
        }
        return clock.Elapsed;
    }

    /// <summary>Reads Orders.Service's replication lag from the control plane every 100 ms while the load runs.</summary>
    private sealed class LagSampler : IDisposable
    {
        private readonly ConcurrentBag<double> _samples = [];
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public LagSampler(MigrationSystem system) => _loop = Task.Run(async () =>
        {
            using var client = system.ControlPlaneClient(system.ViewerToken);
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    if ((await client.GetFromJsonAsync<DataStatusDto>("/admin/data/orders", _stop.Token))?.LagSeconds is { } lag) _samples.Add(lag);
                    await Task.Delay(100, _stop.Token);
                }
                catch (OperationCanceledException) { }
            }
        });

        public int Count => _samples.Count;

        public double Percentile(double q)
        {
            var sorted = _samples.Order().ToArray();
            return sorted.Length == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(q * sorted.Length))];
        }

        public void Dispose()
        {
            _stop.Cancel();
            _loop.Wait();
            _stop.Dispose();
        }
    }
}
