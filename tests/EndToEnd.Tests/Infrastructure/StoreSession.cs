using System.Net;
using System.Text.RegularExpressions;

namespace EndToEnd.Tests.Infrastructure;

/// <summary>A browser-like session against the store through the facade: keeps cookies, does not follow redirects.</summary>
internal sealed partial class StoreSession : IDisposable
{
    private readonly CookieContainer _cookies = new();
    private readonly Uri _baseUrl;
    private readonly HttpClient _client;

    public StoreSession(string baseUrl)
    {
        _baseUrl = new Uri(baseUrl);
        _client = new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = _cookies }) { BaseAddress = _baseUrl };
    }

    /// <summary>The cookies this browser would send, as one <c>Cookie</c> header (to replay them after a sign-out).</summary>
    public string CookieHeader() => _cookies.GetCookieHeader(_baseUrl);

    public HttpClient Client => _client;

    /// <summary>Signs in through the real HTML form (antiforgery token included) and returns the POST's response.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string email, string password, string returnUrl = "/")
    {
        var form = await _client.GetStringAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var token = AntiforgeryField().Match(form);
        Assert.True(token.Success, "the sign-in form carries an antiforgery token");
        var fields = new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        };
        return await _client.PostAsync("/account/login", new FormUrlEncodedContent(fields));
    }

    /// <summary>Signs out with the layout's form, as the page's button does.</summary>
    public async Task<HttpResponseMessage> SignOutAsync()
    {
        var token = AntiforgeryField().Match(await _client.GetStringAsync("/"));
        Assert.True(token.Success, "the page carries the sign-out form");
        return await _client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        }));
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
