using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Legacy.Store.Tests.Infrastructure;
using Migration.Messaging.Events;

namespace Legacy.Store.Tests.Customers;

public sealed class SignInTests(StoreFactory store) : IClassFixture<StoreFactory>
{
    [Fact]
    public async Task Signing_in_sets_the_cookie_and_redirects_with_303_to_the_return_url()
    {
        using var client = store.CreateStoreClient();
        using var response = await client.SignInAsync("Customer7@Example.com", StoreClient.CustomerPassword, "/orders?page=2");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/orders?page=2", response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".Store.Auth=", StringComparison.Ordinal) && c.Contains("httponly"));

        var me = await client.Http.GetFromJsonAsync<JsonObject>("/api/customers/me");
        Assert.Equal(7, (int)me!["id"]!);
        Assert.Equal("customer7@example.com", (string?)me["email"]);
    }

    [Fact]
    public async Task Signing_out_publishes_that_this_one_session_ended()
    {
        using var first = store.CreateStoreClient();
        using var second = store.CreateStoreClient();
        await first.SignInAsCustomerAsync(9);
        await second.SignInAsCustomerAsync(9);

        var ended = new List<SessionEnded>();
        foreach (var client in new[] { first, second })
        {
            var token = await client.AntiforgeryTokenAsync("/");
            var events = await store.PublishedDuringAsync(async () => Assert.Equal(HttpStatusCode.SeeOther, (await client.Http.PostAsync("/account/logout",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))).StatusCode));
            ended.Add(Assert.IsType<SessionEnded>(Assert.Single(events)));
        }

        Assert.All(ended, e => Assert.Equal(9, e.UserId));
        Assert.NotEqual(ended[0].SessionId, ended[1].SessionId);
        using var after = await first.Http.GetAsync("/api/customers/me");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task A_foreign_return_url_is_replaced_by_home()
    {
        using var client = store.CreateStoreClient();
        using var response = await client.SignInAsync("customer8@example.com", StoreClient.CustomerPassword, "https://evil.example/");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_wrong_password_shows_the_form_again_with_an_error()
    {
        using var client = store.CreateStoreClient();
        using var response = await client.SignInAsync("customer9@example.com", "wrong");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".Store.Auth=", StringComparison.Ordinal)));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("The email or password is not right.", html);
        Assert.Contains("name=\"email\" value=\"customer9@example.com\"", html);
    }

    [Fact]
    public async Task Posting_the_form_without_the_antiforgery_token_is_refused()
    {
        using var client = store.CreateStoreClient();
        using var response = await client.Http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "customer1@example.com",
            ["password"] = StoreClient.CustomerPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".Store.Auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Anonymous_api_calls_get_401_and_pages_redirect_to_sign_in()
    {
        using var client = store.CreateStoreClient();
        using var api = await client.Http.GetAsync("/api/customers/me/orders");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);

        using var page = await client.Http.GetAsync("/orders/5");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("http://localhost/account/login?returnUrl=%2Forders%2F5", page.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Signing_out_redirects_home_with_303_and_ends_the_session()
    {
        using var client = store.CreateStoreClient();
        await client.SignInAsCustomerAsync(10);
        var token = await client.AntiforgeryTokenAsync("/products/1");

        using var response = await client.Http.PostAsync("/account/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        using var me = await client.Http.GetAsync("/api/customers/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task Staff_is_not_a_customer()
    {
        using var client = store.CreateStoreClient();
        await client.SignInAsStaffAsync();
        using var response = await client.Http.GetAsync("/api/customers/me");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
