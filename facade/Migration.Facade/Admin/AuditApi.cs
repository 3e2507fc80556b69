using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Facade.Contracts;
using Migration.Facade.Flags;

namespace Migration.Facade.Admin;

internal static class AuditApi
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 1000;

    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/audit", List).WithTags("Audit").WithName("ListAudit");
        return admin;
    }

    /// <summary>Newest first, optionally for one slice.</summary>
    private static async Task<Results<Ok<IReadOnlyList<AuditEntryDto>>, ValidationProblem>> List(
        FlagStore store, CancellationToken ct, string? slice = null, int? limit = null)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return Problems.Invalid("limit", $"limit must be between 1 and {MaxLimit}.");
        }
        return TypedResults.Ok(await store.AuditAsync(slice, limit ?? DefaultLimit, ct));
    }
}
