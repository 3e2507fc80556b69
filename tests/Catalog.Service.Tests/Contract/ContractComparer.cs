using System.Text.Json;

namespace Catalog.Service.Tests.Contract;

/// <summary>Sends one request to both sides and compares what a client would see.</summary>
internal sealed class ContractComparer(ContractFixture fixture)
{
    private static readonly string[] ComparedHeaders = ["ETag", "X-Total-Count", "Link", "Content-Type"];

    public async Task AssertSameAnswerAsync(string path, Action<HttpRequestMessage>? configure = null)
    {
        var (legacy, catalog) = await SendBothAsync(path, configure);

        Assert.Equal(legacy.Status, catalog.Status);
        foreach (var header in ComparedHeaders)
        {
            Assert.True(legacy.Headers[header] == catalog.Headers[header],
                $"{path}: header {header} differs.\n monolith: {legacy.Headers[header]}\n catalog:  {catalog.Headers[header]}");
        }
        Assert.True(legacy.Body == catalog.Body, $"{path}: body differs.\n monolith: {Cut(legacy.Body)}\n catalog:  {Cut(catalog.Body)}");
    }

    public async Task<(Answer Legacy, Answer Catalog)> SendBothAsync(string path, Action<HttpRequestMessage>? configure) =>
        (await Answer.FetchAsync(fixture.Monolith.CreateClient(), path, configure),
         await Answer.FetchAsync(fixture.Catalog.CreateClient(), path, configure));

    public async Task<string> ProductNameAsync(int id)
    {
        using var response = await fixture.Monolith.CreateClient().GetAsync($"/api/products/{id}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("name").GetString()!;
    }

    public static string Member(string json, string name)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty(name).GetRawText();
    }

    public static string WithoutTraceId(string json)
    {
        using var document = JsonDocument.Parse(json);
        return string.Join(",", document.RootElement.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value.GetRawText()}"));
    }

    private static string Cut(string text) => text.Length > 400 ? text[..400] + "…" : text;
}
