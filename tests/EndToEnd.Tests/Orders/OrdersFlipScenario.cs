using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using EndToEnd.Tests.Infrastructure;
using Migration.Facade.Contracts;


namespace EndToEnd.Tests.Orders;

/// <summary>What one run of the orders flip measured.</summary>
internal sealed record OrdersFlipFigures(TimeSpan ReadYourWrites, TimeSpan CancelSeen, TimeSpan SignOutRefused);

/// <summary>
/// The write path moving: a customer signed in on the monolith's pages orders through the facade before and after
/// <c>orders</c> flips to extracted, with the same cookie jar; the monolith's pages keep showing every order, stock moves
/// once, tokens a client brings never count, and a sign-out is refused by the service within the bound.
/// </summary>
internal static class OrdersFlipScenario
{
    public static readonly TimeSpan ReadYourWritesBound = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan SignOutBound = TimeSpan.FromSeconds(5);

    /// <summary>Orders.Service numbers its own orders from here (OrderNumbering in Migration.Messaging).</summary>
    public const int ServiceRangeStart = 1_000_000_000;

    public static async Task<OrdersFlipFigures> RunAsync(MigrationSystem system, int customer)
    {
        var product = await StockedProductAsync(system, offset: customer % 20);
        var stockBefore = await OnHandAsync(system, product);
        using var session = new StoreSession(system.PublicUrl);
        using (var signIn = await session.SignInAsync($"customer{customer}@example.com", "Passw0rd!"))
        {
            Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        }
        var client = session.Client;

        // On legacy the monolith places the order, and its answers are the contract the service must keep.
        await system.FlipAsync("orders", SliceStates.Legacy, "start on the monolith");
        var legacyOrder = await client.PlaceOrderAsync((product, 1));
        Assert.Equal(HttpStatusCode.Created, legacyOrder.Status);
        Assert.True(legacyOrder.Id < ServiceRangeStart);
        var legacyShort = await client.PlaceOrderAsync((product, 100));

        await system.EnsureOrdersBackfilledAsync();
        await system.WaitForLagAsync("orders", TimeSpan.Zero, TimeSpan.FromSeconds(30));
        await system.FlipAsync("orders", SliceStates.Extracted, "move the write path");

        // The same jar: the service knows who this is, and shows this customer's orders only.
        var mine = await client.MyOrdersAsync();
        Assert.Equal(HttpStatusCode.OK, mine.Status);
        Assert.All(mine.Body.EnumerateArray(), o => Assert.Equal(customer, o.GetProperty("customerId").GetInt32()));
        Assert.Contains(mine.Body.EnumerateArray(), o => o.GetProperty("id").GetInt32() == legacyOrder.Id);
        Assert.Equal((await client.GetOrderAsync(legacyOrder.Id)).Body.GetRawText(), legacyOrder.Body.GetRawText());

        var placed = await client.PlaceOrderAsync((product, 2));
        Assert.True(placed.Status == HttpStatusCode.Created, $"{placed.Status}: {placed.Body}\n{system.Diagnostics()}");
        Assert.True(placed.Id >= ServiceRangeStart, $"service order id {placed.Id}");
        // The service answers the slice now; what the routes leave out, HEAD and OPTIONS must not tell either.
        await MethodParity.AssertSameAsMonolithAsync(system, "orders");
        Assert.Equal($"/api/orders/{placed.Id}", placed.Response.Headers.Location?.OriginalString);
        var readYourWrites = await UntilPageShowsAsync(client, placed.Id, "Placed", system);
        Assert.Equal(stockBefore - 3, await OnHandAsync(system, product));

        // The monolith's 409, word for word (only the trace id differs).
        var serviceShort = await client.PlaceOrderAsync((product, 100));
        Assert.Equal(HttpStatusCode.Conflict, serviceShort.Status);
        foreach (var field in new[] { "type", "title", "status" })
        {
            Assert.Equal(legacyShort.Body.GetProperty(field).GetRawText(), serviceShort.Body.GetProperty(field).GetRawText());
        }
        Assert.Equal($"Product {product} has {stockBefore - 1} on hand; 100 requested.", legacyShort.Body.GetProperty("detail").GetString());
        Assert.Equal($"Product {product} has {stockBefore - 3} on hand; 100 requested.", serviceShort.Body.GetProperty("detail").GetString());

        var cancelled = await client.CancelOrderAsync(placed.Id);
        Assert.Equal(HttpStatusCode.OK, cancelled.Status);
        Assert.Equal(HttpStatusCode.Conflict, (await client.CancelOrderAsync(placed.Id)).Status);
        var cancelSeen = await UntilPageShowsAsync(client, placed.Id, "Cancelled", system);
        await UntilAsync(async () => await OnHandAsync(system, product) == stockBefore - 1, "the cancelled order's stock came back", system);

        await ClientTokensNeverCountAsync(system, client, customer, placed.Id);
        var signOutRefused = await SignOutIsRefusedAsync(system, session);

        // Rollback: the service's orders are already in the monolith.
        await system.FlipAsync("orders", SliceStates.Legacy, "roll back");
        using var again = new StoreSession(system.PublicUrl);
        (await again.SignInAsync($"customer{customer}@example.com", "Passw0rd!")).Dispose();
        var afterRollback = await again.Client.GetOrderAsync(placed.Id);
        Assert.Equal(HttpStatusCode.OK, afterRollback.Status);
        Assert.Equal("Cancelled", afterRollback.Body.GetProperty("status").GetString());
        Assert.Equal(placed.Total, afterRollback.Total);

        await system.WaitForLagAsync("orders", TimeSpan.Zero, TimeSpan.FromSeconds(30));
        await system.RunCliOrThrowAsync("data", "verify", "orders");
        return new(readYourWrites, cancelSeen, signOutRefused);
    }

    /// <summary>A forged, expired or wrongly signed token is refused by the service; one a client sends is stripped by the facade.</summary>
    private static async Task ClientTokensNeverCountAsync(MigrationSystem system, HttpClient signedIn, int customer, int orderId)
    {
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var victim = customer + 1;
        using var direct = new HttpClient { BaseAddress = new Uri(system.OrdersUrl) };
        foreach (var (what, token) in new[]
                 {
                     ("wrongly signed", OrderRequests.Token(stranger, "e2e", victim)),
                     ("unknown key", OrderRequests.Token(stranger, "stranger", victim)),
                     ("expired", OrderRequests.Token(MigrationSystem.FacadeSigningKey, "e2e", victim, lifetime: TimeSpan.FromSeconds(1), now: DateTime.UtcNow.AddMinutes(-1))),
                     ("for another service", OrderRequests.Token(MigrationSystem.FacadeSigningKey, "e2e", victim, audience: "catalog")),
                 })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/customers/me/orders");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await direct.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{what} token: {response.StatusCode}");
        }

        // Even a token the facade's own key signed counts for nothing when a client brings it.
        var genuine = OrderRequests.Token(MigrationSystem.FacadeSigningKey, "e2e", victim);
        using var anonymous = system.PublicClient();
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/api/customers/me/orders"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", genuine);
            using var response = await anonymous.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/api/customers/me/orders?pageSize=100"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", genuine);
            using var response = await signedIn.SendAsync(request);
            var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.All(body.EnumerateArray(), o => Assert.Equal(customer, o.GetProperty("customerId").GetInt32()));
            Assert.Contains(body.EnumerateArray(), o => o.GetProperty("id").GetInt32() == orderId);
        }
    }

    /// <summary>Signs out on the monolith's page; the cookie kept from before then gets 401 from the service within the bound.</summary>
    private static async Task<TimeSpan> SignOutIsRefusedAsync(MigrationSystem system, StoreSession session)
    {
        var cookie = session.CookieHeader();
        Assert.Equal(HttpStatusCode.SeeOther, (await session.SignOutAsync()).StatusCode);
        var clock = Stopwatch.StartNew();
        using var replay = system.PublicClient();
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/customers/me/orders");
            request.Headers.Add("Cookie", cookie);
            using var response = await replay.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                return clock.Elapsed;
            }
            Assert.True(clock.Elapsed < SignOutBound, $"the service still accepted the ended session after {clock.Elapsed}\n{system.Diagnostics()}");
            await Task.Delay(50);
        }
    }

    private static async Task<TimeSpan> UntilPageShowsAsync(HttpClient client, int orderId, string status, MigrationSystem system)
    {
        var clock = Stopwatch.StartNew();
        await UntilAsync(async () =>
        {
            using var page = await client.GetAsync($"/orders/{orderId}");
            return page.StatusCode == HttpStatusCode.OK && (await page.Content.ReadAsStringAsync()).Contains($"<strong>{status}</strong>");
        }, $"the monolith's page of order {orderId} shows {status} within {ReadYourWritesBound}", system, ReadYourWritesBound);
        return clock.Elapsed;
    }

    internal static async Task UntilAsync(Func<Task<bool>> condition, string what, MigrationSystem system, TimeSpan? bound = null)
    {
        var deadline = DateTime.UtcNow + (bound ?? TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{what}: not in time\n{system.Diagnostics()}");
            await Task.Delay(20);
        }
    }

    /// <summary>A product on sale with 60-99 on hand (100 of it is short) (a different one per offset, so tests do not share stock).</summary>
    internal static async Task<int> StockedProductAsync(MigrationSystem system, int offset) =>
        (int)await system.ScalarAsync(MigrationSystem.Owner.Legacy,
            $"SELECT s.\"ProductId\" FROM \"Stock\" s JOIN \"Products\" p ON p.\"Id\" = s.\"ProductId\" WHERE s.\"OnHand\" BETWEEN 60 AND 99 AND p.\"IsDeleted\" = false ORDER BY s.\"ProductId\" LIMIT 1 OFFSET {offset}");

    internal static async Task<long> OnHandAsync(MigrationSystem system, int product) =>
        await system.ScalarAsync(MigrationSystem.Owner.Legacy, $"SELECT \"OnHand\" FROM \"Stock\" WHERE \"ProductId\" = {product}");
}
