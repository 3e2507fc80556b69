using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Migration.Facade.Contracts;
using Migration.Facade.Fallback;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Fallback;

/// <summary>
/// The slice's overall deadline (<c>Slices:&lt;name&gt;:Fallback:Deadline</c>): the activity timeout restarts with every
/// byte, the deadline does not, so a service that trickles cannot hold a user.
/// </summary>
public sealed class DeadlineTests
{
    // Headers at once, then a byte every 100 ms for 30 s: never idle long enough for the activity timeout.
    private static readonly Func<HttpContext, Task> Trickles = async context =>
    {
        context.Response.ContentType = "application/json";
        await context.Response.StartAsync(context.RequestAborted);
        for (var i = 0; i < 300; i++)
        {
            await context.Response.WriteAsync(" ", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(100, context.RequestAborted);
        }
    };

    private static readonly Func<HttpContext, Task> Silent = context => Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);

    private static Dictionary<string, string?> Budget(string deadline, string? timeout = null) => new()
    {
        ["Slices:catalog-read:Fallback:Deadline"] = deadline,
        ["Slices:catalog-read:Fallback:Timeout"] = timeout,
    };

    // A bed with catalog-read flipped to extracted: the deadline is the extracted side's budget.
    private static async Task<ScriptedBed> ExtractedAsync(
        Func<HttpContext, Task> legacy, Func<HttpContext, Task> extracted, Dictionary<string, string?> budget)
    {
        var bed = await ScriptedBed.StartAsync(legacy, extracted, budget);
        await bed.Facade.FlipAsync("catalog-read", SliceStates.Extracted);
        return bed;
    }

    private static async Task<(HttpResponseMessage Response, TimeSpan Elapsed)> TimedGetAsync(ScriptedBed bed)
    {
        var clock = Stopwatch.StartNew();
        var response = await bed.Facade.Public.GetAsync("/api/products/1");
        return (response, clock.Elapsed);
    }

    [Fact]
    public async Task A_service_that_trickles_its_answer_is_cut_off_at_the_deadline()
    {
        await using var bed = await ExtractedAsync(ScriptedBackend.Json("\"legacy\""), Trickles, Budget("00:00:01", "00:00:00.500"));

        var clock = Stopwatch.StartNew();
        // Its headers came in time, so the user has started getting this answer: the facade can only end it.
        await Assert.ThrowsAnyAsync<Exception>(() => bed.Facade.Public.GetStringAsync("/api/products/1"));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(8));
        Assert.Empty(bed.Legacy.Seen);
        var traffic = (await bed.Facade.Viewer.GetFromJsonAsync<SliceTrafficDto>("/admin/slices/catalog-read/traffic"))!;
        Assert.Equal((1, 1, 0L), (traffic.Extracted.Requests, traffic.Extracted.Errors, traffic.Fallbacks));
    }

    [Fact]
    public async Task A_silent_service_that_spends_the_whole_budget_gets_a_504_not_a_fallback_with_no_time_left()
    {
        // No slice timeout: the cluster's (10 s) would let the service keep the user far past the deadline.
        await using var bed = await ExtractedAsync(ScriptedBackend.Json("\"legacy\""), Silent, Budget("00:00:00.600"));

        var (response, elapsed) = await TimedGetAsync(bed);
        using var _ = response;

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.InRange(elapsed, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(8));
        Assert.Empty(bed.Legacy.Seen);
    }

    [Fact]
    public async Task A_timeout_inside_the_budget_still_falls_back_and_the_monolith_answers_within_what_remains()
    {
        await using var bed = await ExtractedAsync(ScriptedBackend.Json("\"legacy\""), Silent, Budget("00:00:05", "00:00:00.300"));

        var (response, elapsed) = await TimedGetAsync(bed);
        using var _ = response;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"legacy\"", await response.Content.ReadAsStringAsync());
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"answered after {elapsed}");
    }

    [Fact]
    public async Task A_monolith_slower_than_what_remains_of_the_budget_gets_a_504()
    {
        await using var bed = await ExtractedAsync(Silent, Silent, Budget("00:00:01", "00:00:00.300"));

        var (response, elapsed) = await TimedGetAsync(bed);
        using var _ = response;

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.InRange(elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(8));
        Assert.Single(bed.Legacy.Seen);
        // The extracted side spent the budget: the monolith, which got the rest, is not charged with an error.
        var traffic = (await bed.Facade.Viewer.GetFromJsonAsync<SliceTrafficDto>("/admin/slices/catalog-read/traffic"))!;
        Assert.Equal((1, 1L, 1, 0), (traffic.Extracted.Errors, traffic.Fallbacks, traffic.Legacy.Requests, traffic.Legacy.Errors));
    }

    [Fact]
    public async Task A_slice_on_legacy_ignores_the_extracted_side_s_deadline()
    {
        await using var bed = await ScriptedBed.StartAsync(async context =>
        {
            await Task.Delay(1200, context.RequestAborted);
            await context.Response.WriteAsync("\"legacy\"");
        }, Silent, Budget("00:00:01"));

        // The slice is on legacy: the deadline is the extracted side's budget, the monolith keeps its own behaviour.
        Assert.Equal("\"legacy\"", await bed.Facade.Public.GetStringAsync("/api/products/1"));
    }

    [Fact]
    public void A_timeout_as_long_as_the_deadline_is_refused()
    {
        var results = new List<ValidationResult>();
        var options = new FallbackOptions { Timeout = TimeSpan.FromSeconds(2), Deadline = TimeSpan.FromSeconds(2) };
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        Assert.Contains(results, r => r.MemberNames.Contains(nameof(FallbackOptions.Timeout)) && r.ErrorMessage!.Contains("shorter than Deadline"));
    }
}
