using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Catalog.Service.Tests.Infrastructure;
using Legacy.Store.Contracts;

namespace Catalog.Service.Tests.Products;

public sealed class ProductsApiTests(SeededCatalogFixture fixture) : IClassFixture<SeededCatalogFixture>
{
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    [Fact]
    public async Task The_first_page_is_ordered_by_id_with_paging_headers()
    {
        using var response = await _client.GetAsync("/api/products");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("25", Header(response, "X-Total-Count"));
        Assert.Equal(
            "<http://localhost/api/products?page=1&pageSize=20>; rel=\"first\", " +
            "<http://localhost/api/products?page=2&pageSize=20>; rel=\"next\", " +
            "<http://localhost/api/products?page=2&pageSize=20>; rel=\"last\"",
            Header(response, "Link"));
        Assert.Equal(Enumerable.Range(1, 20), await IdsAsync(response));
    }

    [Fact]
    public async Task A_middle_page_links_both_ways()
    {
        using var response = await _client.GetAsync("/api/products?page=2&pageSize=10");

        Assert.Equal(Enumerable.Range(11, 10), await IdsAsync(response));
        Assert.Contains("<http://localhost/api/products?page=1&pageSize=10>; rel=\"prev\"", Header(response, "Link"));
        Assert.Contains("<http://localhost/api/products?page=3&pageSize=10>; rel=\"next\"", Header(response, "Link"));
    }

    [Theory]
    [InlineData("price", new[] { 1, 4, 3, 5, 2, 6 })]
    [InlineData("-price", new[] { 6, 7, 8 })]
    [InlineData("name", new[] { 4, 5, 1, 3, 6 })]
    [InlineData("-name", new[] { 2, 25, 24 })]
    public async Task Sorts_with_the_id_breaking_ties(string sort, int[] expectedStart)
    {
        using var response = await _client.GetAsync($"/api/products?pageSize=100&sort={Uri.EscapeDataString(sort)}");

        var ids = await IdsAsync(response);
        Assert.Equal(25, ids.Count);
        Assert.Equal(expectedStart, ids.Take(expectedStart.Length));
    }

    [Theory]
    [InlineData("category=books", new[] { 3, 4, 5 })]
    [InlineData("category=nothing-here", new int[0])]
    [InlineData("search=APPLE", new[] { 2 })]
    [InlineData("search=%25", new[] { 4 })]
    [InlineData("search=_", new[] { 4 })]
    [InlineData("category=garden&search=mug", new[] { 1 })]
    public async Task Filters_by_category_slug_and_name_substring(string query, int[] expected)
    {
        using var response = await _client.GetAsync($"/api/products?{query}");

        Assert.Equal(expected, await IdsAsync(response));
        Assert.Equal(expected.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), Header(response, "X-Total-Count"));
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("sort=price,name", "sort")]
    public async Task Invalid_values_are_a_validation_problem(string query, string field)
    {
        using var response = await _client.GetAsync($"/api/products?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = body.RootElement.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_product_has_the_contract_shape_and_a_strong_etag()
    {
        using var response = await _client.GetAsync("/api/products/3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            """{"id":3,"name":"Cookbook","description":"Recipes.","price":12.5,"categoryId":1,"categorySlug":"books"}""",
            await response.Content.ReadAsStringAsync());
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.ETag.IsWeak);
    }

    [Fact]
    public async Task If_none_match_with_the_current_etag_is_not_modified()
    {
        using var first = await _client.GetAsync("/api/products/3");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/products/3");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var second = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task If_none_match_with_another_etag_returns_the_product()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/products/3");
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"stale\"");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/products/999")]
    [InlineData("/api/products/0")]
    public async Task An_unknown_product_is_a_404_problem(string path)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    private static string Header(HttpResponseMessage response, string name) =>
        string.Join(", ", response.Headers.GetValues(name));

    private static async Task<List<int>> IdsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var products = await response.Content.ReadFromJsonAsync<List<ProductDto>>();
        return products!.Select(p => p.Id).ToList();
    }
}
