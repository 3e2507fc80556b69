using System.Net.Http.Json;
using Migration.Facade.Contracts;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Canary;

/// <summary>
/// Through the real facade, with a backend that signs users in like the monolith: the signed-in user decides over
/// the visitor cookie, the visitor cookie over the address. Expected sides come from the facade's own decision.
/// </summary>
public sealed class CanaryPrecedenceTests
{
    private const string Legacy = "\"legacy\"";
    private const string Extracted = "\"extracted\"";

    private sealed class Bed(TempFolder folder, MonolithBackend monolith, ScriptedBackend extracted, FacadeHost facade) : IAsyncDisposable
    {
        public FacadeHost Facade => facade;
        public string Monolith => monolith.Url;

        public static async Task<Bed> StartAsync(params (string Key, string Value)[] extra)
        {
            var folder = new TempFolder();
            var monolith = await MonolithBackend.StartAsync(folder.File("store-keys"));
            var extracted = await ScriptedBackend.StartAsync(ScriptedBackend.Json(Extracted));
            var settings = FacadeHost.Settings(folder.File("flags.db"), monolith.Url, extracted.Url);
            settings["Canary:UserCookie:KeyRingPath"] = folder.File("store-keys");
            foreach (var (key, value) in extra) settings[key] = value;
            var facade = await FacadeHost.StartAsync(settings);
            (await facade.Operator.PutAsJsonAsync("/admin/slices/catalog-read/state",
                new ChangeSliceStateRequest(SliceStates.Canary, 50, "half", 1))).EnsureSuccessStatusCode();
            return new Bed(folder, monolith, extracted, facade);
        }

        public async Task<string> SideOfAsync(string identity) =>
            await facade.Services.FeatureManagementSendsToExtractedAsync("catalog-read", identity) ? Extracted : Legacy;

        public async ValueTask DisposeAsync()
        {
            await facade.DisposeAsync();
            await monolith.DisposeAsync();
            await extracted.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Dispose();
        }
    }

    [Fact]
    public async Task A_user_signed_in_through_the_facade_keeps_the_monolith_cookie_and_their_id_decides_over_the_visitor_cookie()
    {
        await using var bed = await Bed.StartAsync();
        const string visitorId = "visitor-of-the-test";
        var visitorSide = await bed.SideOfAsync("visitor:" + visitorId);
        var userId = await FirstAsync(id => bed.SideOfAsync("user:" + id), side => side != visitorSide);
        using var browser = new Visitor(bed.Facade);

        var (monolithCookie, setCookies) = await MonolithBackend.SignInWithAnswerAsync(bed.Facade.Public.BaseAddress!.ToString(), userId);

        Assert.Contains(setCookies, c => c.StartsWith(".Store.Auth=", StringComparison.Ordinal) && c.EndsWith("path=/; samesite=lax; httponly", StringComparison.Ordinal));
        Assert.Contains(setCookies, c => c.StartsWith("strangler.uid=", StringComparison.Ordinal));
        for (var request = 0; request < 5; request++)
        {
            var signedIn = await browser.GetAsync("/api/categories", $"{monolithCookie}; strangler.uid={visitorId}");
            Assert.Equal(await bed.SideOfAsync("user:" + userId), signedIn.Body);
            Assert.Empty(signedIn.SetCookies);
        }
        Assert.Equal(visitorSide, (await browser.GetAsync("/api/categories", $"strangler.uid={visitorId}")).Body);
        Assert.Equal(visitorSide, (await browser.GetAsync("/api/categories", $".Store.Auth=forged; strangler.uid={visitorId}")).Body);
    }

    [Fact]
    public async Task With_cookie_issuing_off_a_visitor_without_cookies_is_decided_by_client_address()
    {
        await using var bed = await Bed.StartAsync(("Canary:IssueCookie", "false"));
        var addressSide = await bed.SideOfAsync("address:127.0.0.1");
        using var browser = new Visitor(bed.Facade);

        for (var request = 0; request < 10; request++)
        {
            var visit = await browser.GetAsync("/api/categories");
            Assert.Equal(addressSide, visit.Body);
            Assert.Empty(visit.SetCookies);
        }
    }

    // The first of the ids 1, 2, 3… whose side satisfies the condition; deterministic, as the allocation is a hash.
    private static async Task<string> FirstAsync(Func<string, Task<string>> side, Func<string, bool> condition)
    {
        for (var id = 1; id <= 200; id++)
        {
            if (condition(await side(id.ToString(System.Globalization.CultureInfo.InvariantCulture))))
                return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        throw new InvalidOperationException("no user id on the other side in 200 tries");
    }
}
