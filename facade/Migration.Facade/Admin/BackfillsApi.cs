using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Facade.Contracts;
using Migration.Facade.Security;
using Yarp.ReverseProxy;

namespace Migration.Facade.Admin;

/// <summary>Starts and watches a data backfill inside an extracted service (its <c>/internal/backfill</c>).</summary>
internal static class BackfillsApi
{
    public const string HttpClientName = "backfill";

    public static RouteGroupBuilder MapBackfillsApi(this RouteGroupBuilder admin)
    {
        var backfills = admin.MapGroup("/backfills").WithTags("Backfills");
        backfills.MapPost("/{service}", Start).WithName("StartBackfill").RequireAuthorization(SecurityExtensions.OperatorPolicy);
        backfills.MapGet("/{service}", Get).WithName("GetBackfill");
        return admin;
    }

    private static Task<Results<Ok<BackfillProgressDto>, ProblemHttpResult>> Start(
        string service, IProxyStateLookup proxy, SliceViews views, IHttpClientFactory clients, CancellationToken ct) =>
        ForwardAsync(HttpMethod.Post, service, proxy, views, clients, ct);

    private static Task<Results<Ok<BackfillProgressDto>, ProblemHttpResult>> Get(
        string service, IProxyStateLookup proxy, SliceViews views, IHttpClientFactory clients, CancellationToken ct) =>
        ForwardAsync(HttpMethod.Get, service, proxy, views, clients, ct);

    private static async Task<Results<Ok<BackfillProgressDto>, ProblemHttpResult>> ForwardAsync(
        HttpMethod method, string service, IProxyStateLookup proxy, SliceViews views, IHttpClientFactory clients, CancellationToken ct)
    {
        var clusterId = proxy.TryGetCluster(service, out _) ? service : views.TargetClusterOf(service);
        if (clusterId is null || !proxy.TryGetCluster(clusterId, out var cluster))
        {
            return Problems.NotFound($"Unknown service or slice '{service}'.");
        }
        var address = cluster.DestinationsState?.AllDestinations.FirstOrDefault()?.Model.Config.Address;
        if (address is null)
        {
            return Problems.BadGateway($"Service '{clusterId}' has no destination to send the backfill request to.");
        }
        try
        {
            using var request = new HttpRequestMessage(method, new Uri(new Uri(address), "/internal/backfill"));
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                return Problems.BadGateway($"Service '{clusterId}' answered {(int)response.StatusCode} at {request.RequestUri}.");
            }
            var progress = await response.Content.ReadFromJsonAsync<BackfillProgressDto>(ct);
            return progress is null ? Problems.BadGateway($"Service '{clusterId}' returned no backfill progress.") : TypedResults.Ok(progress);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException
                                       && !ct.IsCancellationRequested)
        {
            return Problems.BadGateway($"Service '{clusterId}' at {address} could not be reached: {ex.Message}");
        }
    }
}
