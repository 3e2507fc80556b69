using System.Net;
using System.Net.Http.Json;
using Orders.Service.Tests.Infrastructure;

namespace Orders.Service.Tests.Ordering;

/// <summary>Only the facade's tokens, for this service, for a customer, open the order API.</summary>
public sealed class OrdersAuthenticationTests : IAsyncLifetime
{
    private static readonly object OneMug = new { lines = new[] { new { productId = 1, quantity = 1 } } };
    private OrdersServiceFactory _service = null!;

    public async Task InitializeAsync() => _service = await OrdersServiceFactory.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Theory]
    [InlineData("/api/orders/1000000000")]
    [InlineData("/api/customers/me/orders")]
    public async Task Without_a_token_the_answer_is_a_401_problem(string path)
    {
        using var client = _service.ClientWith(null);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        // Users never hold these tokens: no bearer challenge tells a browser to offer one.
        Assert.Empty(response.Headers.WwwAuthenticate);
    }

    [Theory]
    [InlineData("unknown key")]
    [InlineData("expired")]
    [InlineData("no expiry")]
    [InlineData("other audience")]
    [InlineData("other issuer")]
    public async Task A_token_the_service_must_not_trust_is_401_and_places_nothing(string which)
    {
        var token = which switch
        {
            "unknown key" => TestKey.Create(_service.Key.Id).Sign(TestToken.Customer(7)),
            "expired" => _service.Key.Sign(TestToken.Customer(7) with { ExpiresIn = TimeSpan.FromSeconds(-30) }),
            "no expiry" => _service.Key.Sign(TestToken.Customer(7) with { ExpiresIn = null }),
            "other audience" => _service.Key.Sign(TestToken.Customer(7) with { Audience = "catalog" }),
            "other issuer" => _service.Key.Sign(TestToken.Customer(7) with { Issuer = "someone-else" }),
            _ => throw new ArgumentOutOfRangeException(nameof(which)),
        };
        using var client = _service.ClientWith(token);

        using var response = await client.PostAsJsonAsync("/api/orders", OneMug);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(_service.Stock.Reservations);
    }

    [Theory]
    [InlineData("staff", "7")]
    [InlineData("customer", "not-a-number")]
    [InlineData("customer", null)]
    public async Task A_valid_token_that_names_no_customer_is_403(string role, string? subject)
    {
        using var client = _service.ClientWith(_service.Key.Sign(new TestToken { Roles = [role], Subject = subject }));

        using var response = await client.PostAsJsonAsync("/api/orders", OneMug);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        // The status code pages write the same problem shape the monolith answers with.
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(_service.Stock.Reservations);
    }

    [Fact]
    public async Task A_customer_among_several_roles_is_let_in()
    {
        using var client = _service.ClientWith(_service.Key.Sign(TestToken.Customer(7) with { Roles = ["staff", "customer"] }));

        using var response = await client.GetAsync("/api/customers/me/orders");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
