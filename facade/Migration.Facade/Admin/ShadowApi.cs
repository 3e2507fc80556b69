using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Facade.Contracts;
using Migration.Facade.Security;
using Migration.Facade.Shadow;

namespace Migration.Facade.Admin;

internal static class ShadowApi
{
    public static RouteGroupBuilder MapShadowApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/slices/{name}/diff", Get).WithTags("Shadow").WithName("GetShadowReport");
        admin.MapDelete("/slices/{name}/diff", Reset).WithTags("Shadow").WithName("ResetShadowReport")
            .RequireAuthorization(SecurityExtensions.OperatorPolicy);
        return admin;
    }

    /// <summary>Counts, parity and the latest differing samples (secrets redacted) of a slice's shadow traffic.</summary>
    private static Results<Ok<ShadowReportDto>, ProblemHttpResult> Get(string name, SliceViews views, ShadowStatistics shadow) =>
        views.Exists(name) ? TypedResults.Ok(shadow.Report(name)) : Problems.NotFound($"Unknown slice '{name}'.");

    private static Results<NoContent, ProblemHttpResult> Reset(string name, SliceViews views, ShadowStatistics shadow)
    {
        if (!views.Exists(name)) return Problems.NotFound($"Unknown slice '{name}'.");
        shadow.Reset(name);
        return TypedResults.NoContent();
    }
}
