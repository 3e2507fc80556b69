namespace Migration.Facade.Tests.Support;

/// <summary>One answer as a browser sees it: the body, every Set-Cookie, and the facade's visitor cookie if it set one.</summary>
internal sealed record Visit(string Body, IReadOnlyList<string> SetCookies)
{
    public string? IssuedVisitorId => SetCookies
        .Where(c => c.StartsWith("strangler.uid=", StringComparison.Ordinal))
        .Select(c => c.Split(';')[0]["strangler.uid=".Length..])
        .SingleOrDefault();
}

/// <summary>A client that keeps no cookies of its own, so each test says exactly which cookies a request carries.</summary>
internal sealed class Visitor(FacadeHost facade) : IDisposable
{
    private readonly HttpClient _client = new(new HttpClientHandler { UseCookies = false }) { BaseAddress = facade.Public.BaseAddress };

    public async Task<Visit> GetAsync(string path, string? cookie = null, string? overrideValue = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        if (overrideValue is not null) request.Headers.Add(Migration.Facade.Contracts.SideOverrideDto.HeaderName, overrideValue);
        using var response = await _client.SendAsync(request);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        return new Visit(await response.Content.ReadAsStringAsync(), cookies);
    }

    public void Dispose() => _client.Dispose();
}
