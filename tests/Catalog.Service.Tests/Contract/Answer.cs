using System.Net;

namespace Catalog.Service.Tests.Contract;

/// <summary>What a client sees of one response: status, the headers the contract names, and the raw body.</summary>
internal sealed record Answer(HttpStatusCode Status, IReadOnlyDictionary<string, string?> Headers, string Body)
{
    public static async Task<Answer> FetchAsync(HttpClient client, string path, Action<HttpRequestMessage>? configure)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        configure?.Invoke(request);
        using var response = await client.SendAsync(request);
        var headers = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["ETag"] = Join(response.Headers, "ETag"),
            ["X-Total-Count"] = Join(response.Headers, "X-Total-Count"),
            ["Link"] = Join(response.Headers, "Link"),
            ["Content-Type"] = response.Content.Headers.ContentType?.ToString(),
        };
        return new Answer(response.StatusCode, headers, await response.Content.ReadAsStringAsync());
    }

    private static string? Join(System.Net.Http.Headers.HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}
