using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Legacy.Store.Contracts;
using Microsoft.EntityFrameworkCore;
using Migration.Messaging.Applied;
using Migration.Messaging.Events;
using Orders.Service.Stock;
using Orders.Service.Tests.Infrastructure;

namespace Orders.Service.Tests.Ordering;

/// <summary>Placing, reading and cancelling orders as the monolith's API does, with prices and stock from fakes.</summary>
public sealed class OrdersApiTests : IAsyncLifetime
{
    private const int Alice = 7;
    private const int Bob = 8;
    private static readonly object MugsAndCookbook =
        new { lines = new[] { new { productId = 1, quantity = 2 }, new { productId = 3, quantity = 1 } } };

    private OrdersServiceFactory _service = null!;

    public async Task InitializeAsync() => _service = await OrdersServiceFactory.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task Placing_an_order_is_201_at_its_location_with_the_first_id_of_the_service_range_and_the_catalogs_prices()
    {
        using var client = _service.CustomerClient(Alice);
        var before = DateTime.UtcNow.AddSeconds(-1);

        using var response = await client.PostAsJsonAsync("/api/orders", MugsAndCookbook);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var order = (await response.Content.ReadFromJsonAsync<OrderDto>())!;
        // A fresh database: the service's own numbering starts exactly at the range start.
        Assert.Equal(OrderNumbering.ServiceRangeStart, order.Id);
        Assert.Equal($"/api/orders/{order.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal((Alice, "Placed", true, 22.50m), (order.CustomerId, order.Status, order.Cancellable, order.Total));
        Assert.Equal(
            [new OrderLineDto(1, "Blue Mug", 2, 5.00m, 10.00m), new OrderLineDto(3, "Cookbook", 1, 12.50m, 12.50m)],
            order.Lines);
        Assert.InRange(order.PlacedAt, before, DateTime.UtcNow.AddSeconds(1));
        Assert.Equal(DateTimeKind.Utc, order.PlacedAt.Kind);
    }

    [Fact]
    public async Task The_body_has_exactly_the_fields_of_the_monoliths_order()
    {
        using var client = _service.CustomerClient(Alice);

        using var response = await client.PostAsJsonAsync("/api/orders", MugsAndCookbook);

        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(JsonNames<OrderDto>(), body.Select(p => p.Key).Order());
        foreach (var line in body["lines"]!.AsArray())
        {
            Assert.Equal(JsonNames<OrderLineDto>(), line!.AsObject().Select(p => p.Key).Order());
        }
        // The monolith writes UTC times with their Z.
        Assert.EndsWith("Z", (string)body["placedAt"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Placing_holds_the_stock_and_publishes_the_order_with_its_reservation_through_the_ledger()
    {
        using var client = _service.CustomerClient(Alice);

        var (order, sent) = await _service.SentDuringAsync(async () =>
        {
            using var response = await client.PostAsJsonAsync("/api/orders", MugsAndCookbook);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<OrderDto>())!;
        });

        var reservation = Assert.Single(_service.Stock.Reservations);
        Assert.Equal(Alice, reservation.CustomerId);
        Assert.Equal([new StockLine(1, 2), new StockLine(3, 1)], reservation.Lines);
        Assert.Empty(_service.Stock.Releases);

        var placed = Assert.IsType<OrderPlaced>(Assert.Single(sent));
        Assert.Equal((order.Id, 1L, EventOrigin.Orders, Alice, 2250L, (Guid?)reservation.ReservationId),
            (placed.OrderId, placed.Version, placed.Origin, placed.CustomerId, placed.TotalCents, placed.ReservationId));
        Assert.Equal([new OrderLineState(1, "Blue Mug", 500, 2), new OrderLineState(3, "Cookbook", 1250, 1)], placed.Lines);

        // The service's own write is in its ledger, so the monolith's copy of it coming back is never applied twice.
        var (applied, saved) = await _service.WithDbAsync(async db => (
            await db.Set<AppliedEvent>().AsNoTracking().SingleAsync(),
            await db.Orders.AsNoTracking().SingleAsync()));
        Assert.Equal((Streams.Order, order.Id, 1L, placed.EventId), (applied.Stream, applied.AggregateId, applied.Version, applied.EventId));
        Assert.Equal(reservation.ReservationId, saved.ReservationId);
    }

    [Theory]
    [InlineData("{}", "lines", "an order needs at least one line.")]
    [InlineData("""{"lines":[]}""", "lines", "an order needs at least one line.")]
    [InlineData("""{"lines":[null]}""", "lines[0]", "a line needs a productId and a quantity.")]
    [InlineData("""{"lines":[{"productId":1,"quantity":0}]}""", "lines[0].quantity", "quantity must be from 1 to 100.")]
    [InlineData("""{"lines":[{"productId":1,"quantity":1},{"productId":2,"quantity":101}]}""", "lines[1].quantity", "quantity must be from 1 to 100.")]
    [InlineData("""{"lines":[{"productId":1,"quantity":1},{"productId":1,"quantity":2}]}""", "lines[1].productId", "each product appears on one line only.")]
    public async Task A_malformed_order_is_a_400_with_the_monoliths_messages_and_asks_nobody(string body, string field, string message)
    {
        using var client = _service.CustomerClient(Alice);

        using var response = await client.PostAsync("/api/orders", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal([message], await ValidationErrorsAsync(response, field));
        Assert.Equal(0, _service.Catalog.ProductRequests);
        Assert.Empty(_service.Stock.Reservations);
    }

    [Fact]
    public async Task More_lines_than_the_monolith_allows_is_a_400()
    {
        using var client = _service.CustomerClient(Alice);
        var lines = Enumerable.Range(1, OrderValidation.MaxLines + 1).Select(id => new { productId = id, quantity = 1 }).ToArray();

        using var response = await client.PostAsJsonAsync("/api/orders", new { lines });

        Assert.Equal(["an order has at most 50 lines."], await ValidationErrorsAsync(response, "lines"));
    }

    [Fact]
    public async Task A_product_the_catalog_does_not_have_is_a_400_on_its_line_and_holds_no_stock()
    {
        using var client = _service.CustomerClient(Alice);

        using var response = await client.PostAsJsonAsync("/api/orders",
            new { lines = new[] { new { productId = 1, quantity = 1 }, new { productId = 99, quantity = 2 } } });

        Assert.Equal(["product 99 does not exist."], await ValidationErrorsAsync(response, "lines[1].productId"));
        Assert.Empty(_service.Stock.Reservations);
        Assert.Equal(0, await OrderCountAsync());
    }

    [Fact]
    public async Task Not_enough_stock_is_a_409_naming_the_line_and_nothing_is_ordered()
    {
        _service.Stock.Answer = new StockAnswer.Short(new StockShortage(3, 1, 5));
        using var client = _service.CustomerClient(Alice);

        using var response = await client.PostAsJsonAsync("/api/orders", MugsAndCookbook);

        var problem = await ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(("Not enough stock.", "Product 3 has 1 on hand; 5 requested."), ((string?)problem["title"], (string?)problem["detail"]));
        Assert.Equal(0, await OrderCountAsync());
    }

    [Fact]
    public async Task An_order_the_monolith_calls_invalid_is_a_400_with_its_errors()
    {
        _service.Stock.Answer = new StockAnswer.Invalid(new Dictionary<string, string[]> { ["lines[1].productId"] = ["product 3 does not exist."] });
        using var client = _service.CustomerClient(Alice);

        using var response = await client.PostAsJsonAsync("/api/orders", MugsAndCookbook);

        Assert.Equal(["product 3 does not exist."], await ValidationErrorsAsync(response, "lines[1].productId"));
        Assert.Equal(0, await OrderCountAsync());
    }

    [Fact]
    public async Task No_answer_about_stock_is_a_503_to_retry_and_releases_whatever_may_be_held()
    {
        _service.Stock.Answer = new StockAnswer.NoAnswer("no answer within 5 s");
        using var client = _service.CustomerClient(Alice);

        using var response = await client.PostAsJsonAsync("/api/orders", MugsAndCookbook);

        var problem = await ProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal(("Stock could not be confirmed; nothing was ordered.", "no answer within 5 s. Please try again in a moment."),
            ((string?)problem["title"], (string?)problem["detail"]));
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Equal([Assert.Single(_service.Stock.Reservations).ReservationId], _service.Stock.Releases);
        Assert.Equal(0, await OrderCountAsync());
        Assert.Equal(0, await _service.WithDbAsync(db => db.Set<AppliedEvent>().CountAsync()));
    }

    [Fact]
    public async Task A_catalog_that_is_down_is_a_503_and_no_stock_is_asked_for()
    {
        _service.Catalog.Down = true;
        using var client = _service.CustomerClient(Alice);

        using var response = await client.PostAsJsonAsync("/api/orders", MugsAndCookbook);

        var problem = await ProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Prices could not be confirmed; nothing was ordered.", (string?)problem["title"]);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Empty(_service.Stock.Reservations);
        Assert.Equal(0, await OrderCountAsync());
    }

    [Fact]
    public async Task A_customer_reads_their_own_order_and_nobody_elses()
    {
        using var alice = _service.CustomerClient(Alice);
        using var bob = _service.CustomerClient(Bob);
        using var placed = await alice.PostAsJsonAsync("/api/orders", MugsAndCookbook);
        var created = await placed.Content.ReadFromJsonAsync<JsonObject>();

        using var own = await alice.GetAsync(placed.Headers.Location);
        using var others = await bob.GetAsync(placed.Headers.Location);
        using var missing = await alice.GetAsync($"/api/orders/{OrderNumbering.ServiceRangeStart + 41}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.True(JsonNode.DeepEquals(created, await own.Content.ReadFromJsonAsync<JsonObject>()), "GET answers what POST answered.");
        Assert.Equal(HttpStatusCode.NotFound, others.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Cancelling_is_200_once_then_409_and_publishes_the_cancellation()
    {
        using var client = _service.CustomerClient(Alice);
        using var placed = await client.PostAsJsonAsync("/api/orders", MugsAndCookbook);
        var id = (await placed.Content.ReadFromJsonAsync<OrderDto>())!.Id;

        var (first, sent) = await _service.SentDuringAsync(() => client.PostAsync($"/api/orders/{id}/cancel", null));
        using var second = await client.PostAsync($"/api/orders/{id}/cancel", null);

        using (first)
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var cancelled = (await first.Content.ReadFromJsonAsync<OrderDto>())!;
            Assert.Equal((id, "Cancelled", false), (cancelled.Id, cancelled.Status, cancelled.Cancellable));
        }
        var problem = await ProblemAsync(second, HttpStatusCode.Conflict);
        Assert.Equal(("The order can no longer be cancelled.", $"Order {id} is Cancelled; only placed orders can be cancelled."),
            ((string?)problem["title"], (string?)problem["detail"]));

        var @event = Assert.IsType<OrderCancelled>(Assert.Single(sent));
        Assert.Equal((id, 2L, EventOrigin.Orders, Alice), (@event.OrderId, @event.Version, @event.Origin, @event.CustomerId));
        var (version, ledgerVersion) = await _service.WithDbAsync(async db => (
            (await db.Orders.AsNoTracking().SingleAsync(o => o.Id == id)).Version,
            (await db.Set<AppliedEvent>().AsNoTracking().SingleAsync(a => a.AggregateId == id)).Version));
        Assert.Equal((2L, 2L), (version, ledgerVersion));
    }

    [Fact]
    public async Task Two_cancellations_at_once_cancel_once()
    {
        using var client = _service.CustomerClient(Alice);
        using var placed = await client.PostAsJsonAsync("/api/orders", MugsAndCookbook);
        var id = (await placed.Content.ReadFromJsonAsync<OrderDto>())!.Id;

        var (answers, sent) = await _service.SentDuringAsync(async () =>
        {
            var both = await Task.WhenAll(client.PostAsync($"/api/orders/{id}/cancel", null), client.PostAsync($"/api/orders/{id}/cancel", null));
            var statuses = both.Select(r => r.StatusCode).Order().ToList();
            foreach (var response in both) response.Dispose();
            return statuses;
        });

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers);
        Assert.Single(sent.OfType<OrderCancelled>());
    }

    [Fact]
    public async Task Someone_elses_order_cannot_be_cancelled_it_does_not_exist_for_them()
    {
        using var alice = _service.CustomerClient(Alice);
        using var bob = _service.CustomerClient(Bob);
        using var placed = await alice.PostAsJsonAsync("/api/orders", MugsAndCookbook);
        var id = (await placed.Content.ReadFromJsonAsync<OrderDto>())!.Id;

        using var response = await bob.PostAsync($"/api/orders/{id}/cancel", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var order = (await alice.GetFromJsonAsync<OrderDto>($"/api/orders/{id}"))!;
        Assert.Equal("Placed", order.Status);
    }

    private Task<int> OrderCountAsync() => _service.WithDbAsync(db => db.Orders.CountAsync());

    private static List<string> JsonNames<T>() =>
        typeof(T).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Order().ToList();

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((int)status, (int?)problem["status"]);
        return problem;
    }

    /// <summary>The messages of <paramref name="field"/> in a 400 validation problem that names no other field.</summary>
    private static async Task<List<string>> ValidationErrorsAsync(HttpResponseMessage response, string field)
    {
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal([field], errors.Select(e => e.Key));
        return errors[field]!.AsArray().Select(m => (string)m!).ToList();
    }
}
