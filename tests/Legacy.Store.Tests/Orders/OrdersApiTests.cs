using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Legacy.Store.Data.Seed;
using Legacy.Store.Tests.Infrastructure;

namespace Legacy.Store.Tests.Orders;

public sealed class OrdersApiTests(StoreFactory store) : IClassFixture<StoreFactory>
{
    private static readonly SeedSet Seed = StoreSeed.Create("x", "y");

    [Fact]
    public async Task Placing_an_order_answers_201_with_location_and_takes_the_stock()
    {
        using var client = store.CreateStoreClient();
        await client.SignInAsCustomerAsync(20);
        var onHand = await OnHandAsync(client, 11);

        using var response = await client.Http.PostAsJsonAsync("/api/orders",
            new { lines = new[] { new { productId = 11, quantity = 2 }, new { productId = 12, quantity = 1 } } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var order = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal($"/api/orders/{(int)order!["id"]!}", response.Headers.Location!.OriginalString);
        Assert.Equal("Placed", (string?)order["status"]);
        var expectedTotal = (Seed.Products[10].PriceCents * 2 + Seed.Products[11].PriceCents) / 100m;
        Assert.Equal(expectedTotal, (decimal)order["total"]!);
        Assert.Equal(onHand - 2, await OnHandAsync(client, 11));

        var fetched = await client.Http.GetFromJsonAsync<JsonObject>(response.Headers.Location);
        Assert.Equal((int)order["id"]!, (int)fetched!["id"]!);
    }

    [Fact]
    public async Task Ordering_more_than_is_on_hand_is_409_and_takes_nothing()
    {
        var scarce = Seed.Stock.First(s => s.OnHand is > 0 and < 100);
        using var client = store.CreateStoreClient();
        await client.SignInAsCustomerAsync(21);
        var otherBefore = await OnHandAsync(client, 13);

        using var response = await client.Http.PostAsJsonAsync("/api/orders", new
        {
            lines = new[] { new { productId = 13, quantity = 1 }, new { productId = scarce.ProductId, quantity = scarce.OnHand + 1 } },
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(otherBefore, await OnHandAsync(client, 13));
        Assert.Equal(scarce.OnHand, await OnHandAsync(client, scarce.ProductId));
    }

    [Theory]
    [InlineData("{\"lines\":[]}")]
    [InlineData("{\"lines\":[{\"productId\":1,\"quantity\":0}]}")]
    [InlineData("{\"lines\":[{\"productId\":999999,\"quantity\":1}]}")]
    [InlineData("{}")]
    public async Task Invalid_orders_are_400(string body)
    {
        using var client = store.CreateStoreClient();
        await client.SignInAsCustomerAsync(22);
        using var response = await client.Http.PostAsync("/api/orders", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Anonymous_orders_are_401()
    {
        using var client = store.CreateStoreClient();
        using var response = await client.Http.PostAsJsonAsync("/api/orders", new { lines = new[] { new { productId = 1, quantity = 1 } } });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Cancelling_restores_stock_and_a_second_cancel_is_409()
    {
        using var client = store.CreateStoreClient();
        await client.SignInAsCustomerAsync(23);
        var onHand = await OnHandAsync(client, 14);
        using var placed = await client.Http.PostAsJsonAsync("/api/orders", new { lines = new[] { new { productId = 14, quantity = 3 } } });
        var location = placed.Headers.Location!.OriginalString;

        using var cancel = await client.Http.PostAsync(location + "/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("Cancelled", (string?)(await cancel.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
        Assert.Equal(onHand, await OnHandAsync(client, 14));

        using var again = await client.Http.PostAsync(location + "/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType!.MediaType);
        Assert.Equal(onHand, await OnHandAsync(client, 14));
    }

    [Fact]
    public async Task Someone_elses_order_does_not_exist_for_you()
    {
        var foreign = Seed.Orders.First(o => o.CustomerId != 24 && o.Status == Legacy.Store.Orders.OrderStatus.Placed);
        using var client = store.CreateStoreClient();
        await client.SignInAsCustomerAsync(24);

        using var get = await client.Http.GetAsync($"/api/orders/{foreign.Id}");
        using var cancel = await client.Http.PostAsync($"/api/orders/{foreign.Id}/cancel", null);
        using var page = await client.Http.GetAsync($"/orders/{foreign.Id}");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task My_orders_are_newest_first_and_paged_like_products()
    {
        var mine = Seed.Orders.Where(o => o.CustomerId == 25).OrderByDescending(o => o.PlacedAt).ThenByDescending(o => o.Id).ToList();
        using var client = store.CreateStoreClient();
        await client.SignInAsCustomerAsync(25);

        using var response = await client.Http.GetAsync("/api/customers/me/orders?pageSize=5");

        Assert.Equal(mine.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(response.Headers.GetValues("X-Total-Count")));
        Assert.Contains("<http://localhost/api/customers/me/orders?page=2&pageSize=5>; rel=\"next\"", Assert.Single(response.Headers.GetValues("Link")));
        var orders = await response.Content.ReadFromJsonAsync<JsonArray>();
        Assert.Equal(mine.Take(5).Select(o => o.Id), orders!.Select(o => (int)o!["id"]!));
        Assert.Equal(mine.Take(5).Select(o => (o.PlacedAt, o.Status.ToString(), o.TotalCents / 100m, o.Lines.Count)),
            orders!.Select(o => (o!["placedAt"]!.GetValue<DateTime>(), (string)o["status"]!, (decimal)o["total"]!, o["lines"]!.AsArray().Count)));
    }

    private static async Task<int> OnHandAsync(StoreClient client, int productId) =>
        (int)(await client.Http.GetFromJsonAsync<JsonObject>($"/api/products/{productId}/stock"))!["onHand"]!;
}
