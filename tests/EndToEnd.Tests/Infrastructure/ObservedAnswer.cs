using System.Text.Json;
using System.Text.Json.Nodes;

namespace EndToEnd.Tests.Infrastructure;

/// <summary>What a user can observe of a response, as one string to compare: the status, the headers that tell, the body.</summary>
internal static class ObservedAnswer
{
    public static async Task<string> DescribeAsync(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        // As sent on the wire: the typed ContentLength would make one up from a buffered body.
        var contentLength = Raw(response.Content.Headers, "Content-Length");
        var body = await response.Content.ReadAsStringAsync();
        var contentType = response.Content.Headers.ContentType?.ToString();
        if (contentType?.StartsWith("application/problem+json", StringComparison.Ordinal) == true && body.Length > 0)
        {
            // A trace id differs on every request by design, whichever side answers. (A HEAD's problem has no body.)
            var problem = JsonNode.Parse(body)!.AsObject();
            problem.Remove("traceId");
            body = problem.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
        }
        return string.Join('\n',
            $"{(int)response.StatusCode}",
            $"Allow: {Raw(response.Content.Headers, "Allow")}",
            $"Content-Type: {contentType}",
            $"Content-Length: {contentLength}",
            $"ETag: {response.Headers.ETag}",
            $"X-Total-Count: {Raw(response.Headers, "X-Total-Count")}",
            $"Link: {Raw(response.Headers, "Link")}",
            body);
    }

    private static string Raw(System.Net.Http.Headers.HttpHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) ? string.Join(",", values) : "";
}
