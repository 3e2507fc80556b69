using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Migration.Facade.Contracts;
using Migration.Facade.Shadow;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Shadow;

/// <summary>What the shadow report shows, to whom, and what it never shows.</summary>
public sealed class ShadowReportTests
{
    [Fact]
    public async Task Viewers_read_the_report_unknown_slices_are_404_problems_and_an_operator_reset_clears_it()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("""{"id":1}"""), ScriptedBackend.Json("""{"id":2}"""));
        await bed.Facade.FlipAsync("catalog-read", SliceStates.Shadow);
        await bed.Facade.Public.GetStringAsync("/api/products/1");
        Assert.Equal(1, (await bed.Facade.SettledReportAsync(r => r.Compared == 1)).Differences);

        var unknown = await bed.Facade.Viewer.GetAsync("/admin/slices/nope/diff");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Contains("nope", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await bed.Facade.Anonymous.GetAsync("/admin/slices/catalog-read/diff")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bed.Facade.Viewer.DeleteAsync("/admin/slices/catalog-read/diff")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bed.Facade.Operator.DeleteAsync("/admin/slices/nope/diff")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await bed.Facade.Operator.DeleteAsync("/admin/slices/catalog-read/diff")).StatusCode);

        var cleared = await bed.Facade.ReportAsync();
        Assert.Equal((0L, 0L, (double?)null), (cleared.Compared, cleared.Differences, cleared.ParityPercent));
        Assert.Empty(cleared.Samples);
        Assert.Equal(new ShadowSummaryDto(0, 0, 0, 0, null), bed.Facade.Services.GetRequiredService<ShadowStatistics>().Summary("catalog-read"));
    }

    [Fact]
    public async Task Secrets_in_bodies_cookies_and_query_strings_never_reach_the_samples()
    {
        await using var bed = await ScriptedBed.StartAsync(
            WithCookie("session=legacy-cookie", """{"id":1,"token":"legacy-token","owner":{"name":"ann","password":"legacy-pass"}}"""),
            WithCookie("session=extracted-cookie", """{"id":1,"token":"extracted-token"}"""),
            new Dictionary<string, string?> { ["Slices:catalog-read:Shadow:ComparedHeaders:0"] = "Set-Cookie" });
        await bed.Facade.FlipAsync("catalog-read", SliceStates.Shadow);

        await bed.Facade.Public.GetStringAsync("/api/products/1?apiKey=query-key&page=1");

        var report = await bed.Facade.SettledReportAsync(r => r.Compared == 1);
        var text = JsonSerializer.Serialize(report);
        foreach (var secret in new[] { "legacy-cookie", "extracted-cookie", "legacy-token", "extracted-token", "legacy-pass", "query-key" })
        {
            Assert.DoesNotContain(secret, text);
        }
        var sample = Assert.Single(report.Samples);
        Assert.Equal("/api/products/1?apiKey=***&page=1", sample.Path);
        Assert.Equal(
            [
                new("header", "Set-Cookie", "***", "***"),
                new("body", "$.token", "***", "***"),
                new("body", "$.owner", """{"name":"ann","password":"***"}""", null),
            ],
            sample.Differences);
    }

    [Fact]
    public async Task A_monolith_without_an_answer_counts_as_error_and_one_too_large_to_compare_as_size_users_get_it_whole()
    {
        var large = $$"""{"pad":"{{new string('x', 500)}}"}""";
        await using var bed = await ScriptedBed.StartAsync(context =>
            {
                if (context.Request.Path == "/api/products/1") context.Abort(); // the monolith drops the connection
                else return ScriptedBackend.Json(large)(context);
                return Task.CompletedTask;
            },
            ScriptedBackend.Json("{}"),
            new Dictionary<string, string?> { ["Slices:catalog-read:Shadow:MaxResponseBodyBytes"] = "100" });
        await bed.Facade.FlipAsync("catalog-read", SliceStates.Shadow);

        Assert.Equal(HttpStatusCode.BadGateway, (await bed.Facade.Public.GetAsync("/api/products/1")).StatusCode);
        Assert.Equal(large, await bed.Facade.Public.GetStringAsync("/api/products/2"));

        var report = await bed.Facade.SettledReportAsync(r => r.Skipped.Count == 2);
        Assert.Equal((1L, 1L, 0L), (report.Skipped.GetValueOrDefault("error"), report.Skipped.GetValueOrDefault("size"), report.Compared));
        Assert.Empty(bed.Extracted.Seen);
    }

    private static Func<HttpContext, Task> WithCookie(string cookie, string json) => context =>
    {
        context.Response.Headers.SetCookie = cookie;
        return ScriptedBackend.Json(json)(context);
    };
}
