using System.Net;
using EndToEnd.Tests.Infrastructure;

namespace EndToEnd.Tests.Store;

/// <summary>The monolith behind the facade behaves as it does alone: cookies, redirects, links to the facade's address.</summary>
[Collection(MigrationSystemCollection.Name)]
public sealed class StoreThroughFacadeTests(MigrationSystem system)
{
    [Fact]
    public async Task Sign_in_sets_the_cookie_and_redirects_with_303()
    {
        using var session = new StoreSession(system.PublicUrl);
        using var response = await session.SignInAsync("customer7@example.com", "Passw0rd!", "/orders");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.EndsWith("/orders", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".Store.Auth=", StringComparison.Ordinal));

        using var orders = await session.Client.GetAsync("/api/customers/me/orders");
        Assert.Equal(HttpStatusCode.OK, orders.StatusCode);
    }

    [Fact]
    public async Task Anonymous_pages_redirect_to_sign_in_and_links_name_the_facade()
    {
        using var client = system.PublicClient();
        using var page = await client.GetAsync("/orders");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/login?returnUrl=", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        if (page.Headers.Location.IsAbsoluteUri)
        {
            Assert.StartsWith(system.PublicUrl, page.Headers.Location.ToString(), StringComparison.Ordinal);
        }

        using var list = await client.GetAsync("/api/products?page=2");
        var link = string.Join(",", list.Headers.GetValues("Link"));
        Assert.Contains($"<{system.PublicUrl}/api/products?page=1&pageSize=20>; rel=\"first\"", link, StringComparison.Ordinal);
        Assert.DoesNotContain(system.LegacyUrl, link, StringComparison.Ordinal);
    }
}
