using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Migration.Facade.Tests.Support;

/// <summary>
/// A backend that signs users in the way Legacy.Store does: ASP.NET Core cookie authentication (<c>.Store.Auth</c>),
/// application name "Legacy.Store", keys in a folder. Its cookies are written by the real cookie handler, so a test
/// reading them proves the facade uses the right key ring and purposes, not just the same guess twice.
/// </summary>
internal sealed class MonolithBackend : IAsyncDisposable
{
    public const string CookieName = ".Store.Auth";
    private readonly WebApplication _app;

    private MonolithBackend(WebApplication app) => _app = app;

    public string Url => _app.Urls.Single();

    public static async Task<MonolithBackend> StartAsync(string keyRing)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddDataProtection().SetApplicationName("Legacy.Store").PersistKeysToFileSystem(new DirectoryInfo(keyRing));
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o => o.Cookie.Name = CookieName);
        var app = builder.Build();
        // `padding` inflates the ticket past one cookie's size, so the handler splits it into chunks.
        app.MapPost("/account/login/{id}", async (HttpContext context, string id, int? padding, string? session) =>
        {
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id)], CookieAuthenticationDefaults.AuthenticationScheme);
            if (session is { Length: > 0 })
            {
                identity.AddClaims([new Claim(ClaimTypes.Role, "customer"), new Claim(ClaimTypes.Sid, session)]);
            }
            if (padding is > 0) identity.AddClaim(new Claim("padding", new string('x', padding.Value)));
            await context.SignInAsync(new ClaimsPrincipal(identity));
            return "signed in";
        });
        app.Map("{**path}", () => "\"legacy\"");
        await app.StartAsync();
        return new MonolithBackend(app);
    }

    /// <summary>Signs <paramref name="userId"/> in (a customer with a session id when <paramref name="session"/> is given) at <paramref name="baseUrl"/>: the Cookie header a browser would send next.</summary>
    public static async Task<string> SignInAsync(string baseUrl, string userId, int padding = 0, string? session = null) =>
        (await SignInWithAnswerAsync(baseUrl, userId, padding, session)).CookieHeader;

    /// <summary>The same, with every Set-Cookie of the answer (the facade may add its own).</summary>
    public static async Task<(string CookieHeader, IReadOnlyList<string> SetCookies)> SignInWithAnswerAsync(
        string baseUrl, string userId, int padding = 0, string? session = null)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(baseUrl) };
        using var response = await client.PostAsync($"/account/login/{userId}?padding={padding}&session={session}", null);
        response.EnsureSuccessStatusCode();
        var setCookies = response.Headers.GetValues("Set-Cookie").ToList();
        var header = string.Join("; ", setCookies.Select(c => c.Split(';')[0]).Where(c => c.StartsWith(CookieName, StringComparison.Ordinal)));
        return (header, setCookies);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
