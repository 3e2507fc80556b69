using System.Net;
using System.Text.Json;
using Migration.Facade.Contracts;
using Xunit.Abstractions;

namespace Catalog.Service.Tests.Contract;

/// <summary>
/// THE contract: after a backfill, Catalog.Service answers the catalog read API exactly as the monolith does,
/// so the facade can send a user to either side without the user noticing.
/// </summary>
public sealed class CatalogContractTests(ContractFixture fixture, ITestOutputHelper output) : IClassFixture<ContractFixture>
{
    private readonly ContractComparer _compare = new(fixture);

    [Fact]
    public void The_backfill_copies_the_whole_seeded_catalog()
    {
        output.WriteLine($"Backfill of {fixture.Backfill.TotalItems} products in {fixture.Backfill.TotalPages} pages took {fixture.BackfillDuration.TotalMilliseconds:F0} ms");
        Assert.Equal(BackfillProgressDto.Completed, fixture.Backfill.Status);
        Assert.True(fixture.Backfill.TotalItems >= 500, $"the monolith seeds a measurable catalog, got {fixture.Backfill.TotalItems}");
        Assert.Equal(fixture.Backfill.TotalItems, fixture.Backfill.ItemsCopied);
    }

    [Theory]
    [InlineData("/api/products/1")]
    [InlineData("/api/products/2")]
    [InlineData("/api/products/17")]
    [InlineData("/api/products/250")]
    [InlineData("/api/products/500")]
    [InlineData("/api/products/999")]
    [InlineData("/api/categories")]
    [InlineData("/api/products")]
    [InlineData("/api/products?page=2")]
    [InlineData("/api/products?page=3&pageSize=7")]
    [InlineData("/api/products?page=1&pageSize=100")]
    [InlineData("/api/products?page=10&pageSize=100")]
    [InlineData("/api/products?page=9999")]
    [InlineData("/api/products?pageSize=1")]
    [InlineData("/api/products?sort=name")]
    [InlineData("/api/products?sort=-name&page=4")]
    [InlineData("/api/products?sort=price&pageSize=50")]
    [InlineData("/api/products?sort=-price&pageSize=50&page=2")]
    [InlineData("/api/products?search=a")]
    [InlineData("/api/products?search=%25")]
    [InlineData("/api/products?search=zzzz-no-such-thing")]
    [InlineData("/api/products?category=nothing-here")]
    [InlineData("/api/products?search=%20")]
    public async Task Answers_equal_the_monoliths(string path)
    {
        await _compare.AssertSameAnswerAsync(path);
    }

    [Fact]
    public async Task Filters_by_every_category_answer_equally()
    {
        using var categories = await fixture.Monolith.CreateClient().GetAsync("/api/categories");
        using var body = JsonDocument.Parse(await categories.Content.ReadAsStringAsync());
        var slugs = body.RootElement.EnumerateArray().Select(c => c.GetProperty("slug").GetString()!).ToList();
        Assert.NotEmpty(slugs);

        foreach (var slug in slugs)
        {
            await _compare.AssertSameAnswerAsync($"/api/products?category={Uri.EscapeDataString(slug)}&sort=-price&pageSize=25&page=2");
        }
    }

    [Fact]
    public async Task Searches_for_a_real_name_answer_equally()
    {
        var name = await _compare.ProductNameAsync(7);
        var word = name.Split(' ')[0];

        await _compare.AssertSameAnswerAsync($"/api/products?search={Uri.EscapeDataString(word.ToUpperInvariant())}");
        await _compare.AssertSameAnswerAsync($"/api/products?search={Uri.EscapeDataString(name)}&sort=name");
    }

    [Fact]
    public async Task Links_name_the_forwarded_address_on_both_sides()
    {
        await _compare.AssertSameAnswerAsync("/api/products?page=2&pageSize=30&sort=price", request =>
        {
            request.Headers.Add("X-Forwarded-Host", "shop.example:5000");
            request.Headers.Add("X-Forwarded-Proto", "https");
        });
    }

    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    public async Task If_none_match_answers_equally(int id)
    {
        using var first = await fixture.Monolith.CreateClient().GetAsync($"/api/products/{id}");
        var etag = first.Headers.ETag!.Tag;

        await _compare.AssertSameAnswerAsync($"/api/products/{id}", r => r.Headers.TryAddWithoutValidation("If-None-Match", etag));
        await _compare.AssertSameAnswerAsync($"/api/products/{id}", r => r.Headers.TryAddWithoutValidation("If-None-Match", "\"other\", " + etag));
        await _compare.AssertSameAnswerAsync($"/api/products/{id}", r => r.Headers.TryAddWithoutValidation("If-None-Match", "\"stale\""));
    }

    [Theory]
    [InlineData("/api/products?page=0")]
    [InlineData("/api/products?page=-1")]
    [InlineData("/api/products?page=two")]
    [InlineData("/api/products?pageSize=0")]
    [InlineData("/api/products?pageSize=101")]
    [InlineData("/api/products?sort=cheapest")]
    [InlineData("/api/products?sort=Name")]
    [InlineData("/api/products?page=0&pageSize=500&sort=x")]
    public async Task Invalid_queries_are_the_same_validation_problem(string path)
    {
        var (legacy, catalog) = await _compare.SendBothAsync(path, null);

        Assert.Equal(HttpStatusCode.BadRequest, legacy.Status);
        Assert.Equal(legacy.Status, catalog.Status);
        Assert.Equal(legacy.Headers["Content-Type"], catalog.Headers["Content-Type"]);
        Assert.Equal(ContractComparer.Member(legacy.Body, "errors"), ContractComparer.Member(catalog.Body, "errors"));
    }

    [Theory]
    [InlineData("/api/products/99999")]
    [InlineData("/api/products/0")]
    [InlineData("/api/products/not-a-number")]
    public async Task Unknown_products_are_the_same_404_problem(string path)
    {
        var (legacy, catalog) = await _compare.SendBothAsync(path, null);

        Assert.Equal(HttpStatusCode.NotFound, legacy.Status);
        Assert.Equal(legacy.Status, catalog.Status);
        Assert.Equal(legacy.Headers["Content-Type"], catalog.Headers["Content-Type"]);
        // traceId differs per request by design; everything else of the problem must match.
        Assert.Equal(ContractComparer.WithoutTraceId(legacy.Body), ContractComparer.WithoutTraceId(catalog.Body));
    }
}
