using System.Net;
using System.Net.Http.Json;
using Migration.Facade.Contracts;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Canary;

/// <summary>The visitor cookie through real YARP forwarding, next to the monolith's own cookies.</summary>
public sealed class CanaryCookieTests
{
    private static async Task CanaryAsync(FacadeHost facade, int percentage)
    {
        using var flip = await facade.Operator.PutAsJsonAsync("/admin/slices/catalog-read/state",
            new ChangeSliceStateRequest(SliceStates.Canary, percentage, "canary", (await facade.GetSliceAsync("catalog-read")).Version));
        Assert.Equal(HttpStatusCode.OK, flip.StatusCode);
    }

    private static Func<HttpContext, Task> WithMonolithCookies(string body) => context =>
    {
        context.Response.Headers.Append("Set-Cookie", "session=abc; path=/; httponly");
        context.Response.Headers.Append("Set-Cookie", "cart=1%2C2; expires=Wed, 01 Jan 2031 00:00:00 GMT; path=/shop; samesite=strict");
        return context.Response.WriteAsync(body);
    };

    [Fact]
    public async Task A_canary_answer_carries_the_visitor_cookie_and_the_monolith_s_own_cookies_untouched()
    {
        await using var bed = await ScriptedBed.StartAsync(WithMonolithCookies("legacy"), WithMonolithCookies("extracted"));
        await CanaryAsync(bed.Facade, 50);
        using var visitor = new Visitor(bed.Facade);

        var visit = await visitor.GetAsync("/api/categories");

        Assert.Contains("session=abc; path=/; httponly", visit.SetCookies);
        Assert.Contains("cart=1%2C2; expires=Wed, 01 Jan 2031 00:00:00 GMT; path=/shop; samesite=strict", visit.SetCookies);
        Assert.Contains($"strangler.uid={visit.IssuedVisitorId}; max-age=31536000; path=/; samesite=lax; httponly", visit.SetCookies);
        Assert.Equal(3, visit.SetCookies.Count);
    }

    [Fact]
    public async Task Outside_a_canary_no_visitor_cookie_is_issued_on_any_route()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("[]"), ScriptedBackend.Json("[]"));
        using var visitor = new Visitor(bed.Facade);

        Assert.Empty((await visitor.GetAsync("/api/categories")).SetCookies);
        Assert.Empty((await visitor.GetAsync("/products")).SetCookies);
    }

    [Fact]
    public async Task The_cookie_is_issued_once_and_keeps_each_visitor_on_the_side_of_their_first_request()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("\"legacy\""), ScriptedBackend.Json("\"extracted\""));
        await CanaryAsync(bed.Facade, 50);
        using var visitor = new Visitor(bed.Facade);

        var firstSides = new HashSet<string>();
        for (var person = 0; person < 40; person++)
        {
            var first = await visitor.GetAsync("/api/categories");
            var id = Assert.IsType<string>(first.IssuedVisitorId);
            for (var request = 0; request < 5; request++)
            {
                var next = await visitor.GetAsync(request % 2 == 0 ? "/api/categories" : "/api/products/3", $"strangler.uid={id}");
                Assert.Equal(first.Body, next.Body);
                Assert.Null(next.IssuedVisitorId);
            }
            firstSides.Add(first.Body);
        }
        // Random ids at 50%: both sides show up (all 40 on one side has odds of 2^-39), so the stickiness above is real.
        Assert.Equal(2, firstSides.Count);
    }

    [Fact]
    public async Task During_a_canary_a_page_outside_the_slice_already_hands_out_the_cookie_its_api_calls_stick_to()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("\"legacy\""), ScriptedBackend.Json("\"extracted\""));
        await CanaryAsync(bed.Facade, 50);
        using var visitor = new Visitor(bed.Facade);

        var page = await visitor.GetAsync("/products");
        var id = Assert.IsType<string>(page.IssuedVisitorId);
        var sides = new HashSet<string>();
        for (var request = 0; request < 6; request++)
        {
            var call = await visitor.GetAsync("/api/categories", $"strangler.uid={id}");
            Assert.Null(call.IssuedVisitorId);
            sides.Add(call.Body);
        }
        Assert.Single(sides);
    }

    [Fact]
    public async Task A_visitor_keeps_one_side_across_two_facade_instances_sharing_the_store()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("\"legacy\""), ScriptedBackend.Json("\"extracted\""));
        var settings = FacadeHost.Settings(bed.Folder.File("flags.db"), bed.Legacy.Url, bed.Extracted.Url);
        await using var second = await FacadeHost.StartAsync(settings);
        await CanaryAsync(bed.Facade, 50);
        Assert.True(await Loopback.EventuallyAsync(async () => (await second.GetSliceAsync("catalog-read")).State == SliceStates.Canary,
            TimeSpan.FromSeconds(5)));
        using var one = new Visitor(bed.Facade);
        using var two = new Visitor(second);

        var sides = new HashSet<string>();
        for (var person = 0; person < 40; person++)
        {
            var first = await one.GetAsync("/api/categories");
            var cookie = $"strangler.uid={first.IssuedVisitorId}";
            for (var request = 0; request < 10; request++)
            {
                Assert.Equal(first.Body, (await (request % 2 == 0 ? two : one).GetAsync("/api/categories", cookie)).Body);
            }
            sides.Add(first.Body);
        }
        Assert.Equal(2, sides.Count);
    }
}
