using System.Net;
using System.Net.Http.Json;
using Migration.Facade.Contracts;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Canary;

/// <summary>The visitor cookie through real YARP forwarding, next to the monolith's own cookies.</summary>
public sealed class CanaryCookieTests
{
    [Fact]
    public async Task A_canary_answer_carries_the_visitor_cookie_and_the_monolith_s_own_cookie_untouched()
    {
        await using var bed = await ScriptedBed.StartAsync(context =>
        {
            context.Response.Headers.Append("Set-Cookie", "session=abc; path=/; httponly");
            return context.Response.WriteAsync("legacy");
        }, context =>
        {
            context.Response.Headers.Append("Set-Cookie", "session=abc; path=/; httponly");
            return context.Response.WriteAsync("extracted");
        });
        using (var flip = await bed.Facade.Operator.PutAsJsonAsync("/admin/slices/catalog-read/state",
            new ChangeSliceStateRequest(SliceStates.Canary, 50, "half", 1)))
        {
            Assert.Equal(HttpStatusCode.OK, flip.StatusCode);
        }

        using var response = await bed.Facade.Public.GetAsync("/api/categories");

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains("session=abc; path=/; httponly", cookies);
        Assert.Contains(cookies, c => c.StartsWith("strangler.uid=", StringComparison.Ordinal) && c.Contains("httponly"));
    }

    [Fact]
    public async Task Outside_a_canary_no_visitor_cookie_is_issued()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("[]"), ScriptedBackend.Json("[]"));

        using var response = await bed.Facade.Public.GetAsync("/api/categories");

        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_visitor_keeps_one_side_across_two_facade_instances_sharing_the_store()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("\"legacy\""), ScriptedBackend.Json("\"extracted\""));
        var settings = FacadeHost.Settings(bed.Folder.File("flags.db"), bed.Legacy.Url, bed.Extracted.Url);
        await using var second = await FacadeHost.StartAsync(settings);
        (await bed.Facade.Operator.PutAsJsonAsync("/admin/slices/catalog-read/state",
            new ChangeSliceStateRequest(SliceStates.Canary, 50, "half", 1))).EnsureSuccessStatusCode();
        Assert.True(await Loopback.EventuallyAsync(async () => (await second.GetSliceAsync("catalog-read")).State == SliceStates.Canary,
            TimeSpan.FromSeconds(1)));

        var sides = new HashSet<string>();
        for (var visitor = 0; visitor < 40; visitor++)
        {
            var seen = new HashSet<string>();
            for (var request = 0; request < 10; request++)
            {
                using var message = new HttpRequestMessage(HttpMethod.Get, "/api/categories");
                message.Headers.Add("Cookie", $"strangler.uid=visitor{visitor}");
                using var response = await (request % 2 == 0 ? bed.Facade : second).Public.SendAsync(message);
                seen.Add(await response.Content.ReadAsStringAsync());
            }
            Assert.Single(seen);
            sides.UnionWith(seen);
        }
        Assert.Equal(2, sides.Count);
    }
}
