using System.Net;
using System.Net.Http.Json;
using Migration.Facade.Contracts;
using Migration.Facade.Fallback;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Fallback;

/// <summary>
/// A slice route that sends the service a method it does not serve: its 405 names its own methods in <c>Allow</c>, so it
/// is held back and the monolith answers, header for header, without the service being charged an error.
/// </summary>
public sealed class MethodNotAllowedTests
{
    private const string Product = "/api/products/7";

    private static readonly string[] Compared = ["Allow", "Content-Type", "Content-Length"];

    // As ASP.NET Core answers a method an address does not map: 405, Allow, and a problem body (none to a HEAD).
    private static Func<HttpContext, Task> NotAllowed(string allow, string title) => context =>
    {
        var body = $$"""{"status":405,"title":"{{title}}"}""";
        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = allow;
        context.Response.ContentType = "application/problem+json";
        context.Response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : context.Response.WriteAsync(body);
    };

    private static readonly Func<HttpContext, Task> Monolith = context => HttpMethods.IsGet(context.Request.Method)
        ? ScriptedBackend.Json("""{"side":"legacy"}""")(context)
        : NotAllowed("DELETE, GET, PUT", "Method Not Allowed")(context);

    private static readonly Func<HttpContext, Task> Service = NotAllowed("GET", "Method not allowed by the catalog service");

    // The shipped route takes GET only; here it sends HEAD and OPTIONS to the slice too, as a route of any monolith may.
    private static readonly Dictionary<string, string?> RouteTakingEveryReadMethod = new()
    {
        ["ReverseProxy:Routes:catalog-product-by-id:Match:Methods:1"] = "HEAD",
        ["ReverseProxy:Routes:catalog-product-by-id:Match:Methods:2"] = "OPTIONS",
    };

    [Theory]
    [InlineData("HEAD")]
    [InlineData("OPTIONS")]
    [InlineData("GET")]
    public async Task The_service_s_405_is_held_back_and_the_user_gets_the_monolith_s_answer_not_counted_as_an_extracted_error(string method)
    {
        await using var bed = await ScriptedBed.StartAsync(Monolith, Service, RouteTakingEveryReadMethod);
        await bed.Facade.FlipAsync("catalog-read", SliceStates.Extracted);
        using var direct = new HttpClient { BaseAddress = new Uri(bed.Legacy.Url) };

        using var viaFacade = await bed.Facade.Public.SendAsync(new HttpRequestMessage(new HttpMethod(method), Product));
        Assert.Equal(method, Assert.Single(bed.Extracted.Seen).Method);
        using var monolith = await direct.SendAsync(new HttpRequestMessage(new HttpMethod(method), Product));

        Assert.Equal(monolith.StatusCode, viaFacade.StatusCode);
        foreach (var name in Compared)
        {
            Assert.True(Header(monolith, name) == Header(viaFacade, name), $"{method}: {name}: monolith '{Header(monolith, name)}', facade '{Header(viaFacade, name)}'");
        }
        Assert.Equal(await monolith.Content.ReadAsStringAsync(), await viaFacade.Content.ReadAsStringAsync());

        // The stage records after the answer has gone out, so the counts are awaited.
        SliceTrafficDto traffic = null!;
        var scrape = "";
        Assert.True(await Loopback.EventuallyAsync(async () =>
        {
            traffic = (await bed.Facade.Viewer.GetFromJsonAsync<SliceTrafficDto>("/admin/slices/catalog-read/traffic"))!;
            scrape = await bed.Facade.Anonymous.GetStringAsync("/metrics");
            return traffic.Legacy.Requests == 1 && FellBack(scrape) > 0;
        }, TimeSpan.FromSeconds(5)), "the fallback was never recorded");
        Assert.Equal((1, 0, 0, 1), (traffic.Extracted.Requests, traffic.Extracted.Errors, traffic.Legacy.Errors, traffic.Fallbacks));
        Assert.Equal(1, FellBack(scrape));
    }

    private static double FellBack(string scrape) =>
        Prometheus.Value(scrape, "strangler_slice_fallbacks_total", ("slice", "catalog-read"), ("reason", FallbackReasons.MethodNotAllowed));

    [Fact]
    public async Task A_405_to_a_POST_is_the_service_s_answer_since_its_body_went_there()
    {
        await using var bed = await ScriptedBed.StartAsync(Monolith, NotAllowed("GET", "service"));
        await bed.Facade.FlipAsync("orders-write", SliceStates.Extracted);

        using var response = await bed.Facade.Public.PostAsync("/api/orders", JsonContent.Create(new { lines = 1 }));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET", Header(response, "Allow"));
        Assert.Empty(bed.Legacy.Seen);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
