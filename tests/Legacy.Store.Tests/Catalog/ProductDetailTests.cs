using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Legacy.Store.Contracts;
using Legacy.Store.Tests.Infrastructure;

namespace Legacy.Store.Tests.Catalog;

public sealed class ProductDetailTests(StoreFactory store) : IClassFixture<StoreFactory>
{
    [Fact]
    public async Task Product_has_a_strong_etag_and_answers_304_when_it_matches()
    {
        using var client = store.CreateClient();
        using var first = await client.GetAsync("/api/products/42");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);
        Assert.Equal(42, (await first.Content.ReadFromJsonAsync<ProductDto>())!.Id);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/products/42");
        conditional.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(etag, second.Headers.ETag);

        using var stale = new HttpRequestMessage(HttpMethod.Get, "/api/products/42");
        stale.Headers.TryAddWithoutValidation("If-None-Match", "\"something-else\"");
        using var third = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Theory]
    [InlineData("/api/products/100000")]
    [InlineData("/api/products/100000/stock")]
    [InlineData("/api/no-such-endpoint")]
    public async Task Unknown_api_resources_are_404_problem_details(string path)
    {
        using var client = store.CreateClient();
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(404, (int)problem!["status"]!);
    }

    [Fact]
    public async Task Categories_are_ordered_by_name_with_product_counts()
    {
        using var client = store.CreateClient();
        var categories = await client.GetFromJsonAsync<CategoryDto[]>("/api/categories");

        Assert.Equal(20, categories!.Length);
        Assert.Equal(categories.Select(c => c.Name).Order(StringComparer.Ordinal), categories.Select(c => c.Name));
        Assert.All(categories, c => Assert.Equal(50, c.ProductCount));
        Assert.Contains(new CategoryDto(1, "books", "Books", 50), categories);
    }

    [Fact]
    public async Task Stock_of_a_product_comes_from_inventory()
    {
        var seeded = Legacy.Store.Data.Seed.StoreSeed.Create("x", "y").Stock.Single(s => s.ProductId == 7);
        using var client = store.CreateClient();
        var stock = await client.GetFromJsonAsync<JsonObject>("/api/products/7/stock");

        Assert.Equal(7, (int)stock!["productId"]!);
        Assert.Equal(seeded.OnHand, (int)stock["onHand"]!);
    }
}
