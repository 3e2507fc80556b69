using System.Net;
using System.Net.Http.Json;
using Migration.Facade.Contracts;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Fallback;

/// <summary>Users never see the extracted side fail: the monolith answers instead, and fallbacks are counted.</summary>
public sealed class FallbackTests
{
    private static readonly Func<HttpContext, Task> LegacyAnswer = ScriptedBackend.Json("""{"side":"legacy"}""");
    private static readonly Func<HttpContext, Task> ExtractedAnswer = ScriptedBackend.Json("""{"side":"extracted"}""");

    private static async Task<SliceTrafficDto> TrafficAsync(FacadeHost facade, string slice) =>
        (await facade.Viewer.GetFromJsonAsync<SliceTrafficDto>($"/admin/slices/{slice}/traffic"))!;

    [Fact]
    public async Task Stopping_the_extracted_service_mid_run_fails_no_GET()
    {
        await using var bed = await ScriptedBed.StartAsync(LegacyAnswer, ExtractedAnswer);
        await bed.Facade.FlipAsync("catalog-read", SliceStates.Extracted);

        var answers = new List<(HttpStatusCode, string)>();
        for (var i = 0; i < 60; i++)
        {
            if (i == 20) await bed.Extracted.DisposeAsync();
            using var response = await bed.Facade.Public.GetAsync($"/api/products/{i + 1}");
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Item1));
        Assert.Contains(answers.Take(20), a => a.Item2.Contains("extracted"));
        Assert.All(answers.Skip(20), a => Assert.Contains("legacy", a.Item2));
        Assert.Equal(40, (await TrafficAsync(bed.Facade, "catalog-read")).Fallbacks);
    }

    [Fact]
    public async Task A_5xx_to_a_GET_is_answered_by_the_monolith_and_counted_as_an_extracted_error()
    {
        await using var bed = await ScriptedBed.StartAsync(LegacyAnswer, ScriptedBackend.Json("""{"boom":true}""", 503));
        await bed.Facade.FlipAsync("catalog-read", SliceStates.Extracted);

        using var response = await bed.Facade.Public.GetAsync("/api/categories");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"side":"legacy"}""", await response.Content.ReadAsStringAsync());
        var traffic = await TrafficAsync(bed.Facade, "catalog-read");
        Assert.Equal((1, 1, 1, 1), (traffic.Extracted.Requests, traffic.Extracted.Errors, traffic.Legacy.Requests, traffic.Fallbacks));
    }

    [Fact]
    public async Task A_POST_that_reached_the_extracted_service_is_never_replayed()
    {
        await using var bed = await ScriptedBed.StartAsync(LegacyAnswer, ScriptedBackend.Json("""{"failed":true}""", 500));
        await bed.Facade.FlipAsync("orders-write", SliceStates.Extracted);

        using var response = await bed.Facade.Public.PostAsync("/api/orders", JsonContent.Create(new { lines = 1 }));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("""{"failed":true}""", await response.Content.ReadAsStringAsync());
        Assert.Single(bed.Extracted.Seen);
        Assert.Empty(bed.Legacy.Seen);
    }

    [Fact]
    public async Task A_POST_the_extracted_service_refused_goes_to_the_monolith_with_its_body()
    {
        await using var bed = await ScriptedBed.StartAsync(LegacyAnswer, ExtractedAnswer);
        await bed.Facade.FlipAsync("orders-write", SliceStates.Extracted);
        await bed.Extracted.DisposeAsync();

        using var response = await bed.Facade.Public.PostAsync("/api/orders", JsonContent.Create(new { lines = 2 }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"lines":2}""", Assert.Single(bed.Legacy.Seen).Body);
    }
}
