using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Facade.Contracts;
using Migration.Facade.Security;
using Migration.Facade.Shadow;

namespace Migration.Facade.Admin;

internal static class ShadowApi
{
    /// <summary>Maps onto one slice's group (<c>/slices/{name}</c>), which answers an unknown slice before these run.</summary>
    public static RouteGroupBuilder MapShadowApi(this RouteGroupBuilder slice)
    {
        slice.MapGet("/diff", Get).WithTags("Shadow").WithName("GetShadowReport");
        slice.MapDelete("/diff", Reset).WithTags("Shadow").WithName("ResetShadowReport")
            .RequireAuthorization(SecurityExtensions.OperatorPolicy);
        return slice;
    }

    /// <summary>Counts, parity and the latest differing samples (secrets redacted) of a slice's shadow traffic.</summary>
    private static Ok<ShadowReportDto> Get(string name, ShadowStatistics shadow) => TypedResults.Ok(shadow.Report(name));

    private static NoContent Reset(string name, ShadowStatistics shadow)
    {
        shadow.Reset(name);
        return TypedResults.NoContent();
    }
}
