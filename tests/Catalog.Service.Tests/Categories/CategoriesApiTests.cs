using System.Net;
using System.Net.Http.Json;
using Catalog.Service.Tests.Infrastructure;
using Legacy.Store.Contracts;

namespace Catalog.Service.Tests.Categories;

public sealed class CategoriesApiTests(SeededCatalogFixture fixture) : IClassFixture<SeededCatalogFixture>
{
    [Fact]
    public async Task Categories_are_ordered_by_name_with_counts_from_this_services_products()
    {
        using var response = await fixture.Factory.CreateClient().GetAsync("/api/categories");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(
            [new CategoryDto(1, "books", "Books", 3), new CategoryDto(2, "garden", "Garden", 22), new CategoryDto(3, "toys", "Toys", 0)],
            await response.Content.ReadFromJsonAsync<List<CategoryDto>>());
    }
}
