using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Legacy.Store.Tests.Infrastructure;

namespace Legacy.Store.Tests.Hosting;

/// <summary>Behaviour the facade must carry untouched: compression, forwarded addresses, HTML pages and 404s.</summary>
public sealed class WebBehaviourTests(StoreFactory store) : IClassFixture<StoreFactory>
{
    [Fact]
    public async Task Responses_are_gzipped_when_asked()
    {
        using var client = store.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/products?pageSize=50");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var response = await client.SendAsync(request);

        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        await using var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var json = await JsonDocument.ParseAsync(gzip);
        Assert.Equal(50, json.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Responses_are_plain_when_not_asked()
    {
        using var client = store.CreateClient();
        using var response = await client.GetAsync("/api/products");
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Links_and_redirects_name_the_forwarded_address()
    {
        using var client = store.CreateClient(new() { AllowAutoRedirect = false });
        using var list = new HttpRequestMessage(HttpMethod.Get, "/api/products?page=2");
        Forwarded(list);
        using var listResponse = await client.SendAsync(list);

        Assert.StartsWith("<https://shop.example:8443/api/products?page=1&pageSize=20>; rel=\"first\"",
            Assert.Single(listResponse.Headers.GetValues("Link")));

        using var page = new HttpRequestMessage(HttpMethod.Get, "/orders");
        Forwarded(page);
        using var pageResponse = await client.SendAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, pageResponse.StatusCode);
        Assert.Equal("https://shop.example:8443/account/login?returnUrl=%2Forders", pageResponse.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Unknown_pages_get_the_html_404_page()
    {
        using var client = store.CreateClient();
        using var response = await client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_product_page_is_the_html_404_page()
    {
        using var client = store.CreateClient();
        using var response = await client.GetAsync("/products/999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Product_list_page_takes_the_api_query_and_links_its_pages()
    {
        using var client = store.CreateClient();
        var html = await client.GetStringAsync("/products?category=toys&sort=price&page=2&pageSize=10");

        Assert.Contains("50 products, page 2 of 5.", html);
        Assert.Contains("href=\"/products?page=3&amp;pageSize=10&amp;category=toys&amp;sort=price\"", html);
        Assert.Contains("href=\"/products?page=1&amp;pageSize=10&amp;category=toys&amp;sort=price\"", html);
    }

    [Fact]
    public async Task Product_list_page_rejects_bad_queries_with_400()
    {
        using var client = store.CreateClient();
        using var response = await client.GetAsync("/products?pageSize=1000");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("pageSize must be a whole number from 1 to 100.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Home_page_lists_the_categories()
    {
        using var client = store.CreateClient();
        var html = await client.GetStringAsync("/");

        Assert.Contains("1000 products in 20 categories.", html);
        Assert.Contains("href=\"/products?category=books\"", html);
    }

    [Fact]
    public async Task Health_endpoints_answer()
    {
        using var client = store.CreateClient();
        using var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static void Forwarded(HttpRequestMessage request)
    {
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "shop.example:8443");
    }
}
