using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Facade.Contracts;

namespace Migration.Facade.Admin;

internal static class ProgressApi
{
    public static RouteGroupBuilder MapProgressApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/progress", Get).WithTags("Progress").WithName("GetProgress");
        return admin;
    }

    /// <summary>Slices and slice routes fully on the extracted side, out of all configured slices and their routes.</summary>
    private static Ok<ProgressDto> Get(SliceViews views) => TypedResults.Ok(Summarize(views.All()));

    internal static ProgressDto Summarize(IReadOnlyList<SliceDto> slices)
    {
        var extracted = slices.Where(s => s.State == SliceStates.Extracted).ToList();
        return new ProgressDto(
            slices.Count,
            extracted.Count,
            slices.Sum(s => s.Routes.Count),
            extracted.Sum(s => s.Routes.Count),
            slices);
    }
}
