using System.Net;
using System.Net.Http.Json;
using Legacy.Store.Contracts;
using Legacy.Store.Data.Seed;
using Legacy.Store.Tests.Infrastructure;

namespace Legacy.Store.Tests.Catalog;

public sealed class ProductListTests(StoreFactory store) : IClassFixture<StoreFactory>
{
    private static readonly SeedSet Seed = StoreSeed.Create("x", "y");

    [Fact]
    public async Task First_page_is_ordered_by_id_with_total_count_and_links()
    {
        using var client = store.CreateClient();
        using var response = await client.GetAsync("/api/products");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1000", Assert.Single(response.Headers.GetValues("X-Total-Count")));
        Assert.Equal(
            "<http://localhost/api/products?page=1&pageSize=20>; rel=\"first\", " +
            "<http://localhost/api/products?page=2&pageSize=20>; rel=\"next\", " +
            "<http://localhost/api/products?page=50&pageSize=20>; rel=\"last\"",
            Assert.Single(response.Headers.GetValues("Link")));
        var items = (await response.Content.ReadFromJsonAsync<ProductDto[]>())!;
        Assert.Equal(Enumerable.Range(1, 20), items.Select(p => p.Id));
        var first = Seed.Products[0];
        Assert.Equal(new ProductDto(1, first.Name, first.Description, Money.FromCents(first.PriceCents), 1, "books"), items[0]);
    }

    [Fact]
    public async Task A_middle_page_links_to_its_neighbours_and_keeps_the_filters()
    {
        using var client = store.CreateClient();
        using var response = await client.GetAsync("/api/products?page=3&pageSize=10&category=kitchen&sort=-price");

        Assert.Equal("50", Assert.Single(response.Headers.GetValues("X-Total-Count")));
        var link = Assert.Single(response.Headers.GetValues("Link"));
        Assert.Contains("<http://localhost/api/products?page=2&pageSize=10&category=kitchen&sort=-price>; rel=\"prev\"", link);
        Assert.Contains("<http://localhost/api/products?page=4&pageSize=10&category=kitchen&sort=-price>; rel=\"next\"", link);
        Assert.Contains("<http://localhost/api/products?page=5&pageSize=10&category=kitchen&sort=-price>; rel=\"last\"", link);
    }

    [Fact]
    public async Task Category_filters_by_slug()
    {
        using var client = store.CreateClient();
        var items = await client.GetFromJsonAsync<ProductDto[]>("/api/products?category=garden&pageSize=100");

        Assert.Equal(50, items!.Length);
        Assert.All(items, p => Assert.Equal("garden", p.CategorySlug));
    }

    [Fact]
    public async Task Unknown_category_is_an_empty_list_not_an_error()
    {
        using var client = store.CreateClient();
        using var response = await client.GetAsync("/api/products?category=no-such-thing");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0", Assert.Single(response.Headers.GetValues("X-Total-Count")));
        Assert.Empty((await response.Content.ReadFromJsonAsync<ProductDto[]>())!);
    }

    [Fact]
    public async Task Search_is_a_case_insensitive_substring_of_the_name()
    {
        var expected = Seed.Products.Where(p => p.Name.Contains("mouse", StringComparison.OrdinalIgnoreCase)).Select(p => p.Id).ToList();
        Assert.NotEmpty(expected);
        using var client = store.CreateClient();

        using var response = await client.GetAsync("/api/products?search=MoUsE&pageSize=100");
        var items = await response.Content.ReadFromJsonAsync<ProductDto[]>();

        Assert.Equal(expected.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(response.Headers.GetValues("X-Total-Count")));
        Assert.Equal(expected, items!.Select(p => p.Id));
    }

    [Fact]
    public async Task Search_treats_like_wildcards_literally()
    {
        using var client = store.CreateClient();
        using var response = await client.GetAsync("/api/products?search=%25");
        Assert.Equal("0", Assert.Single(response.Headers.GetValues("X-Total-Count")));
    }

    [Theory]
    [InlineData("price")]
    [InlineData("-price")]
    [InlineData("name")]
    [InlineData("-name")]
    public async Task Sort_orders_the_whole_catalog_with_id_as_tie_breaker(string sort)
    {
        IEnumerable<Legacy.Store.Catalog.Product> all = Seed.Products;
        var expected = (sort switch
        {
            "price" => all.OrderBy(p => p.PriceCents).ThenBy(p => p.Id),
            "-price" => all.OrderByDescending(p => p.PriceCents).ThenBy(p => p.Id),
            "name" => all.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id),
            _ => all.OrderByDescending(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id),
        }).Select(p => p.Id).Skip(100).Take(100);
        using var client = store.CreateClient();

        var items = await client.GetFromJsonAsync<ProductDto[]>($"/api/products?sort={sort}&page=2&pageSize=100");

        Assert.Equal(expected, items!.Select(p => p.Id));
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("sort=cheapest", "sort")]
    public async Task Bad_query_values_are_validation_problems(string query, string field)
    {
        using var client = store.CreateClient();
        using var response = await client.GetAsync("/api/products?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        Assert.Equal(400, (int)problem!["status"]!);
        Assert.NotNull(problem["errors"]![field]);
    }
}
