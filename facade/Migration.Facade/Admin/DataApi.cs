using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Facade.Contracts;
using Migration.Facade.Data;
using Migration.Facade.Security;

namespace Migration.Facade.Admin;

/// <summary>Data parity of a service's copy (<c>strangler data verify</c>) and its readiness (lag, backfill, verify).</summary>
internal static class DataApi
{
    public static RouteGroupBuilder MapDataApi(this RouteGroupBuilder admin)
    {
        var data = admin.MapGroup("/data").WithTags("Data");
        data.MapGet("/{dataSet}", Get).WithName("GetDataStatus");
        data.MapPost("/{dataSet}/verify", Verify).WithName("VerifyData").RequireAuthorization(SecurityExtensions.OperatorPolicy);
        return admin;
    }

    private static async Task<Results<Ok<DataStatusDto>, ProblemHttpResult>> Get(
        string dataSet, SliceViews views, DataStatusReader status, CancellationToken ct) =>
        Known(views, dataSet) ? TypedResults.Ok(await status.ReadAsync(dataSet, ct)) : Unknown(dataSet);

    private static async Task<Results<Ok<VerifyReportDto>, ProblemHttpResult>> Verify(
        string dataSet, SliceViews views, DataVerifier verifier, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!Known(views, dataSet))
        {
            return Unknown(dataSet);
        }
        try
        {
            return TypedResults.Ok(await verifier.VerifyAsync(dataSet, user.Identity?.Name ?? "unknown", ct));
        }
        catch (DataSideException ex)
        {
            return Problems.BadGateway(ex.Message);
        }
    }

    // A data set is a service that some slice moves to: its cluster id (as with backfills).
    private static bool Known(SliceViews views, string dataSet) => views.All().Any(s => s.TargetCluster == dataSet);

    private static ProblemHttpResult Unknown(string dataSet) =>
        Problems.NotFound($"Unknown data set '{dataSet}': name the service a slice moves to (e.g. catalog).");
}
