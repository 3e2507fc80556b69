using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Facade.Contracts;
using Migration.Facade.Metrics;
using Migration.Facade.Shadow;

namespace Migration.Facade.Admin;

internal static class TrafficApi
{
    private const int DefaultWindow = 60;

    public static RouteGroupBuilder MapTrafficApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/traffic", List).WithTags("Traffic").WithName("ListTraffic");
        return admin;
    }

    /// <summary>Maps onto one slice's group (<c>/slices/{name}</c>), which answers an unknown slice before this runs.</summary>
    public static RouteGroupBuilder MapSliceTrafficApi(this RouteGroupBuilder slice)
    {
        slice.MapGet("/traffic", Get).WithTags("Traffic").WithName("GetSliceTraffic");
        return slice;
    }

    /// <summary>Each slice's traffic over the last <c>window</c> seconds (default 60, at most 300).</summary>
    private static Results<Ok<IReadOnlyList<SliceTrafficDto>>, ValidationProblem> List(
        SliceViews views, TrafficStatistics traffic, ShadowStatistics shadow, int? window = null) =>
        Window(window) is { } seconds
            ? TypedResults.Ok<IReadOnlyList<SliceTrafficDto>>(views.All().Select(s => View(s, traffic, shadow, seconds)).ToList())
            : InvalidWindow();

    private static Results<Ok<SliceTrafficDto>, ValidationProblem, ProblemHttpResult> Get(
        string name, SliceViews views, TrafficStatistics traffic, ShadowStatistics shadow, int? window = null)
    {
        if (views.Find(name) is not { } slice) return SlicesApi.UnknownSlice(name);
        return Window(window) is { } seconds ? TypedResults.Ok(View(slice, traffic, shadow, seconds)) : InvalidWindow();
    }

    private static int? Window(int? window) => window switch
    {
        null => DefaultWindow,
        >= 1 and <= RollingWindow.DefaultSeconds => window,
        _ => null,
    };

    private static ValidationProblem InvalidWindow() =>
        Problems.Invalid("window", $"window must be between 1 and {RollingWindow.DefaultSeconds} seconds.");

    internal static SliceTrafficDto View(SliceDto slice, TrafficStatistics traffic, ShadowStatistics shadow, int window)
    {
        var parity = shadow.Summary(slice.Name);
        var (legacy, extracted, fallbacks) = traffic.Read(slice.Name, window);
        var total = legacy.Requests + extracted.Requests;
        return new SliceTrafficDto(slice.Name, slice.State, window, legacy, extracted,
            total == 0 ? 0 : Math.Round((double)extracted.Requests / total, 4), fallbacks, parity);
    }
}
