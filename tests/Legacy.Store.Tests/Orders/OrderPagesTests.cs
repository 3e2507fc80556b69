using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Legacy.Store.Tests.Infrastructure;

namespace Legacy.Store.Tests.Orders;

public sealed class OrderPagesTests(StoreFactory store) : IClassFixture<StoreFactory>
{
    [Fact]
    public async Task Buying_from_the_product_page_redirects_with_303_to_the_new_order()
    {
        using var client = store.CreateStoreClient();
        await client.SignInAsCustomerAsync(30);
        var token = await client.AntiforgeryTokenAsync("/products/15");

        using var response = await client.Http.PostAsync("/products/15/buy", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["quantity"] = "2",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/orders/[0-9]+$", location);
        var page = await client.Http.GetStringAsync(location);
        Assert.Contains("Cancel order", page);
        var order = await client.Http.GetFromJsonAsync<JsonObject>("/api" + location);
        Assert.Equal(2, (int)order!["lines"]![0]!["quantity"]!);
    }

    [Fact]
    public async Task Order_pages_list_the_customers_orders()
    {
        using var client = store.CreateStoreClient();
        await client.SignInAsCustomerAsync(31);
        using var response = await client.Http.GetAsync("/orders");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("My orders", await response.Content.ReadAsStringAsync());
    }
}
