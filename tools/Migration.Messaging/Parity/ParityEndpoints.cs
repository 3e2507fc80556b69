using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Migration.Messaging.Parity;

/// <summary>
/// The two read-only endpoints data verify needs from each side, owner and copy alike: a digest of id ranges, and the
/// rows of one range. <paramref name="rows"/> yields the side's records with ids in [from, to], in id order.
/// </summary>
public static class ParityEndpoints
{
    public delegate IAsyncEnumerable<ParityRow> RowSource(HttpContext context, int from, int to);

    public static RouteGroupBuilder MapParity(this IEndpointRouteBuilder app, string prefix, RowSource rows)
    {
        var parity = app.MapGroup(prefix);
        parity.MapGet("/digest", async Task<Results<Ok<ParityDigest>, ValidationProblem>> (
            HttpContext context, int? bucketSize, CancellationToken cancellationToken) =>
        {
            var size = bucketSize ?? ParityDigest.DefaultBucketSize;
            if (size is < 1 or > ParityDigest.MaxBucketSize)
            {
                return Invalid("bucketSize", $"bucketSize must be between 1 and {ParityDigest.MaxBucketSize}.");
            }
            return TypedResults.Ok(await ParityDigest.BuildAsync(rows(context, 1, int.MaxValue), size, cancellationToken));
        });
        parity.MapGet("/rows", async Task<Results<Ok<List<ParityRow>>, ValidationProblem>> (
            HttpContext context, int from, int to, CancellationToken cancellationToken) =>
        {
            if (from < 1 || to < from || (long)to - from >= ParityDigest.MaxBucketSize)
            {
                return Invalid("to", $"from must be at least 1 and the range [from, to] at most {ParityDigest.MaxBucketSize} ids.");
            }
            var list = new List<ParityRow>();
            await foreach (var row in rows(context, from, to).WithCancellation(cancellationToken))
            {
                list.Add(row);
            }
            return TypedResults.Ok(list);
        });
        return parity;
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
