using System.Net;
using System.Net.Http.Json;
using Legacy.Store.Contracts;
using Legacy.Store.Tests.Infrastructure;

namespace Legacy.Store.Tests.Catalog;

public sealed class PriceChangeTests(StoreFactory store) : IClassFixture<StoreFactory>
{
    [Fact]
    public async Task Staff_changes_a_price_and_the_etag_follows()
    {
        using var staff = store.CreateStoreClient();
        await staff.SignInAsStaffAsync();
        using var before = await staff.Http.GetAsync("/api/products/300");

        using var change = await staff.Http.PutAsJsonAsync("/api/products/300/price", new { price = 12.34m });

        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        using var after = await staff.Http.GetAsync("/api/products/300");
        Assert.Equal(12.34m, (await after.Content.ReadFromJsonAsync<ProductDto>())!.Price);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_problem_details_not_a_redirect()
    {
        using var client = store.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.PutAsJsonAsync("/api/products/301/price", new { price = 5m });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Customers_get_403()
    {
        using var customer = store.CreateStoreClient();
        await customer.SignInAsCustomerAsync(3);
        using var response = await customer.Http.PutAsJsonAsync("/api/products/301/price", new { price = 5m });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(0.001)]
    public async Task Prices_must_be_positive_cents(decimal price)
    {
        using var staff = store.CreateStoreClient();
        await staff.SignInAsStaffAsync();
        using var response = await staff.Http.PutAsJsonAsync("/api/products/302/price", new { price });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Unknown_product_is_404()
    {
        using var staff = store.CreateStoreClient();
        await staff.SignInAsStaffAsync();
        using var response = await staff.Http.PutAsJsonAsync("/api/products/123456/price", new { price = 1m });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
