using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Legacy.Store.Contracts;
using Orders.Service.Data;
using Orders.Service.Tests.Infrastructure;

namespace Orders.Service.Tests.Ordering;

/// <summary><c>/api/customers/me/orders</c>: the caller's orders only, newest first, paged like the monolith's.</summary>
public sealed class CustomersApiTests : IAsyncLifetime
{
    private const int Alice = 7;
    private const int Bob = 8;
    private static readonly DateTime Day = new(2024, 1, 1, 10, 0, 0, DateTimeKind.Utc);
    private OrdersServiceFactory _service = null!;

    public async Task InitializeAsync()
    {
        _service = await OrdersServiceFactory.StartAsync();
        // Copies of the monolith's orders (ids below the service's range); 102 and 104 were placed in the same millisecond.
        await _service.WithDbAsync(async db =>
        {
            db.Orders.AddRange(
                Copied(101, Alice, Day),
                Copied(102, Alice, Day.AddDays(2)),
                Copied(103, Alice, Day.AddDays(1).AddMilliseconds(5)),
                Copied(104, Alice, Day.AddDays(2)),
                Copied(105, Bob, Day.AddDays(3)));
            return await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task Lists_only_the_callers_orders_newest_first_across_pages_with_the_monoliths_headers()
    {
        using var client = _service.CustomerClient(Alice);
        using var placed = await client.PostAsJsonAsync("/api/orders", new { lines = new[] { new { productId = 2, quantity = 1 } } });
        var own = (await placed.Content.ReadFromJsonAsync<OrderDto>())!.Id;

        var pages = new List<List<int>>();
        for (var page = 1; page <= 3; page++)
        {
            using var response = await client.GetAsync($"/api/customers/me/orders?page={page}&pageSize=2");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("5", response.Headers.GetValues("X-Total-Count").Single());
            pages.Add((await response.Content.ReadFromJsonAsync<List<OrderDto>>())!.Select(o => o.Id).ToList());
            if (page == 2)
            {
                Assert.Equal(
                    "<http://localhost/api/customers/me/orders?page=1&pageSize=2>; rel=\"first\", " +
                    "<http://localhost/api/customers/me/orders?page=1&pageSize=2>; rel=\"prev\", " +
                    "<http://localhost/api/customers/me/orders?page=3&pageSize=2>; rel=\"next\", " +
                    "<http://localhost/api/customers/me/orders?page=3&pageSize=2>; rel=\"last\"",
                    response.Headers.GetValues("Link").Single());
            }
        }

        Assert.Equal([[own, 104], [102, 103], [101]], pages);
    }

    [Fact]
    public async Task Each_order_in_the_list_is_shown_as_the_order_api_shows_it()
    {
        using var client = _service.CustomerClient(Bob);

        var list = await client.GetFromJsonAsync<JsonArray>("/api/customers/me/orders");
        var single = await client.GetFromJsonAsync<JsonObject>("/api/orders/105");

        var only = Assert.Single(list!);
        Assert.True(JsonNode.DeepEquals(single, only), $"list shows {only}, the order API {single}");
        var order = only.Deserialize<OrderDto>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal((105, Bob, Day.AddDays(3), "Placed", 39.98m), (order.Id, order.CustomerId, order.PlacedAt, order.Status, order.Total));
    }

    [Fact]
    public async Task Without_paging_parameters_one_page_of_twenty_links_to_itself_only()
    {
        using var client = _service.CustomerClient(Bob);

        using var response = await client.GetAsync("/api/customers/me/orders");

        Assert.Equal("1", response.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(
            "<http://localhost/api/customers/me/orders?page=1&pageSize=20>; rel=\"first\", " +
            "<http://localhost/api/customers/me/orders?page=1&pageSize=20>; rel=\"last\"",
            response.Headers.GetValues("Link").Single());
    }

    [Theory]
    [InlineData("127.0.0.1", "https://shop.example")]
    [InlineData("10.0.0.5", "http://localhost")]
    public async Task Links_name_the_address_the_user_called_only_when_the_facade_forwards_it(string peer, string expectedBase)
    {
        _service.Peer = System.Net.IPAddress.Parse(peer);
        using var client = _service.CustomerClient(Bob);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/customers/me/orders?pageSize=5");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "shop.example");

        using var response = await client.SendAsync(request);

        Assert.Equal(
            $"<{expectedBase}/api/customers/me/orders?page=1&pageSize=5>; rel=\"first\", " +
            $"<{expectedBase}/api/customers/me/orders?page=1&pageSize=5>; rel=\"last\"",
            response.Headers.GetValues("Link").Single());
    }

    [Fact]
    public async Task A_customer_without_orders_gets_an_empty_page()
    {
        using var client = _service.CustomerClient(9);

        using var response = await client.GetAsync("/api/customers/me/orders");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0", response.Headers.GetValues("X-Total-Count").Single());
        Assert.Empty((await response.Content.ReadFromJsonAsync<List<OrderDto>>())!);
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize", "pageSize must be a whole number from 1 to 100.")]
    [InlineData("page=0", "page", "page must be a whole number of 1 or more.")]
    public async Task Bad_paging_is_a_400_validation_problem(string query, string field, string message)
    {
        using var client = _service.CustomerClient(Alice);

        using var response = await client.GetAsync($"/api/customers/me/orders?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(message, (string?)problem["errors"]![field]![0]);
    }

    private static Order Copied(int id, int customerId, DateTime placedAt) => new()
    {
        Id = id,
        CustomerId = customerId,
        PlacedAt = placedAt,
        ChangedAt = placedAt,
        Status = OrderStatus.Placed,
        TotalCents = 3998,
        Lines = [new OrderLine { ProductId = 2, ProductName = "Kite", UnitPriceCents = 1999, Quantity = 2 }],
    };
}
