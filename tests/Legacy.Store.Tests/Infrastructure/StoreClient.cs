using System.Net;
using System.Text.RegularExpressions;

namespace Legacy.Store.Tests.Infrastructure;

/// <summary>An HTTP client with a cookie jar that signs in through the real HTML form.</summary>
public sealed partial class StoreClient(HttpClient client) : IDisposable
{
    public const string CustomerPassword = "Passw0rd!";

    public HttpClient Http => client;

    public async Task<string> AntiforgeryTokenAsync(string page)
    {
        var html = await client.GetStringAsync(page);
        var match = AntiforgeryField().Match(html);
        Assert.True(match.Success, $"{page} carries an antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password, string returnUrl = "/")
    {
        var token = await AntiforgeryTokenAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = token,
        }));
    }

    public async Task SignInAsCustomerAsync(int number)
    {
        using var response = await SignInAsync($"customer{number}@example.com", CustomerPassword);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }

    public async Task SignInAsStaffAsync()
    {
        using var response = await SignInAsync("staff@example.com", "Staff-Passw0rd!");
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
