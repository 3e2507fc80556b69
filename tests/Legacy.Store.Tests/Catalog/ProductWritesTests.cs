using System.Net;
using System.Net.Http.Json;
using Legacy.Store.Contracts;
using Legacy.Store.Tests.Infrastructure;
using Migration.Messaging.Events;

namespace Legacy.Store.Tests.Catalog;

public sealed class ProductWritesTests(StoreFactory store) : IClassFixture<StoreFactory>
{
    [Fact]
    public async Task Staff_create_a_product_201_with_location_and_ProductCreated_at_version_1()
    {
        using var staff = await StaffAsync();
        HttpResponseMessage? response = null;
        var events = await store.PublishedDuringAsync(async () => response = await staff.Http.PostAsJsonAsync(
            "/api/products", new { name = "Walnut Desk Tidy", description = "Keeps pens.", price = 24.50m, categoryId = 3 }));

        Assert.Equal(HttpStatusCode.Created, response!.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<ProductDto>();
        Assert.Equal($"/api/products/{created!.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(("Walnut Desk Tidy", 24.50m, 3), (created.Name, created.Price, created.CategoryId));
        var fetched = await staff.Http.GetFromJsonAsync<ProductDto>(response.Headers.Location);
        Assert.Equal(created, fetched);
        var published = Assert.IsType<ProductCreated>(Assert.Single(events));
        Assert.Equal((created.Id, 1L, EventOrigin.Monolith), (published.ProductId, published.Version, published.Origin));
        Assert.Equal(new ProductState("Walnut Desk Tidy", "Keeps pens.", 2450, 3), published.Product);
        using var stock = await staff.Http.GetAsync($"/api/products/{created.Id}/stock");
        Assert.Equal(HttpStatusCode.OK, stock.StatusCode);
    }

    [Fact]
    public async Task An_edit_moves_the_version_and_publishes_the_whole_state()
    {
        using var staff = await StaffAsync();
        var before = await staff.Http.GetFromJsonAsync<ProductDto>("/api/products/40");

        HttpResponseMessage? rename = null, reprice = null;
        var renamed = await store.PublishedDuringAsync(async () => rename = await staff.Http.PutAsJsonAsync(
            "/api/products/40", new { name = "Renamed Lamp", description = before!.Description, price = before.Price, categoryId = before.CategoryId }));
        var repriced = await store.PublishedDuringAsync(async () => reprice = await staff.Http.PutAsJsonAsync(
            "/api/products/40/price", new { price = 77.70m }));

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (rename!.StatusCode, reprice!.StatusCode));
        var changed = Assert.IsType<ProductChanged>(Assert.Single(renamed));
        var price = Assert.IsType<PriceChanged>(Assert.Single(repriced));
        Assert.Equal((40, 2L, "Renamed Lamp"), (changed.ProductId, changed.Version, changed.Product.Name));
        Assert.Equal((3L, Money.ToCents(before!.Price), 7770L, "Renamed Lamp"),
            (price.Version, price.PreviousPriceCents, price.Product.PriceCents, price.Product.Name));
        var after = await staff.Http.GetFromJsonAsync<ProductDto>("/api/products/40");
        Assert.Equal(("Renamed Lamp", 77.70m), (after!.Name, after.Price));
    }

    [Fact]
    public async Task A_deleted_product_answers_404_everywhere_and_ProductDeleted_is_published()
    {
        using var staff = await StaffAsync();
        HttpResponseMessage? response = null;
        var events = await store.PublishedDuringAsync(async () => response = await staff.Http.DeleteAsync("/api/products/41"));

        Assert.Equal(HttpStatusCode.NoContent, response!.StatusCode);
        Assert.Equal((41, 2L), (Assert.IsType<ProductDeleted>(Assert.Single(events)).ProductId, ((ProductDeleted)events[0]).Version));
        foreach (var path in new[] { "/api/products/41", "/api/products/41/stock", "/products/41" })
        {
            using var gone = await staff.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }
        var page = await staff.Http.GetFromJsonAsync<List<ProductDto>>("/api/products?page=1&pageSize=100");
        Assert.DoesNotContain(page!, p => p.Id == 41);
        using var again = await staff.Http.DeleteAsync("/api/products/41");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Theory]
    [InlineData("{\"name\":\"\",\"description\":\"d\",\"price\":1,\"categoryId\":1}", "name")]
    [InlineData("{\"name\":\"n\",\"price\":1,\"categoryId\":1}", "description")]
    [InlineData("{\"name\":\"n\",\"description\":\"d\",\"price\":0.001,\"categoryId\":1}", "price")]
    [InlineData("{\"name\":\"n\",\"description\":\"d\",\"price\":1}", "categoryId")]
    [InlineData("{\"name\":\"n\",\"description\":\"d\",\"price\":1,\"categoryId\":999}", "categoryId")]
    public async Task Invalid_input_is_400_problem_details_naming_the_field_and_publishes_nothing(string body, string field)
    {
        using var staff = await StaffAsync();
        HttpResponseMessage? create = null, update = null;
        var events = await store.PublishedDuringAsync(async () =>
        {
            create = await staff.Http.PostAsync("/api/products", Json(body));
            update = await staff.Http.PutAsync("/api/products/42", Json(body));
        });

        foreach (var response in new[] { create!, update! })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync());
        }
        Assert.Empty(events);
    }

    [Fact]
    public async Task Only_staff_may_write_and_unknown_products_are_404()
    {
        using var anonymous = store.CreateStoreClient();
        using var customer = store.CreateStoreClient();
        await customer.SignInAsCustomerAsync(4);
        using var staff = await StaffAsync();
        const string body = "{\"name\":\"n\",\"description\":\"d\",\"price\":1,\"categoryId\":1}";

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Http.PostAsync("/api/products", Json(body))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.Http.DeleteAsync("/api/products/43")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.Http.PutAsync("/api/products/43", Json(body))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.PutAsync("/api/products/123456", Json(body))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Http.GetAsync("/api/products/43")).StatusCode);
    }

    private async Task<StoreClient> StaffAsync()
    {
        var staff = store.CreateStoreClient();
        await staff.SignInAsStaffAsync();
        return staff;
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");
}
