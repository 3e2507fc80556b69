using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Migration.Facade.Contracts;
using Migration.Messaging.Applied;
using Migration.Messaging.Parity;
using Yarp.ReverseProxy;

namespace Migration.Facade.Data;

/// <summary>A side could not be asked: unknown cluster, no destination, or a failed request. Becomes a 502 problem.</summary>
internal sealed class DataSideException(string message) : Exception(message);

/// <summary>
/// Talks to the two sides of a data set through their clusters' destinations: the owner's sync feed
/// (<c>/api/sync/{dataset}/parity</c>) and the service's internal endpoints (<c>/internal/...</c>).
/// </summary>
internal sealed class DataSides(IProxyStateLookup proxy, IHttpClientFactory clients, IOptions<DataOptions> options)
{
    public const string HttpClientName = "data";

    /// <summary>The tables of a data set, as its owner lists them.</summary>
    public Task<List<string>> TablesAsync(string dataSet, CancellationToken ct) =>
        GetAsync<List<string>>(options.Value.OwnerCluster, $"/api/sync/{dataSet}/parity", ct);

    public Task<ParityDigest> OwnerDigestAsync(string dataSet, string table, CancellationToken ct) =>
        GetAsync<ParityDigest>(options.Value.OwnerCluster, $"/api/sync/{dataSet}/parity/{table}/digest?bucketSize={options.Value.BucketSize}", ct);

    public Task<ParityDigest> ServiceDigestAsync(string dataSet, string table, CancellationToken ct) =>
        GetAsync<ParityDigest>(dataSet, $"/internal/parity/{dataSet}/{table}/digest?bucketSize={options.Value.BucketSize}", ct);

    public Task<List<ParityRow>> OwnerRowsAsync(string dataSet, string table, int from, int to, CancellationToken ct) =>
        GetAsync<List<ParityRow>>(options.Value.OwnerCluster, $"/api/sync/{dataSet}/parity/{table}/rows?from={from}&to={to}", ct);

    public Task<List<ParityRow>> ServiceRowsAsync(string dataSet, string table, int from, int to, CancellationToken ct) =>
        GetAsync<List<ParityRow>>(dataSet, $"/internal/parity/{dataSet}/{table}/rows?from={from}&to={to}", ct);

    public Task<LagReport> LagAsync(string dataSet, CancellationToken ct) => GetAsync<LagReport>(dataSet, "/internal/sync/lag", ct);

    public Task<BackfillProgressDto> BackfillAsync(string dataSet, CancellationToken ct) =>
        GetAsync<BackfillProgressDto>(dataSet, "/internal/backfill", ct);

    /// <summary>Starts a backfill in the service (it answers with the run it started, or the one already running).</summary>
    public Task<BackfillProgressDto> StartBackfillAsync(string dataSet, CancellationToken ct) =>
        SendAsync<BackfillProgressDto>(HttpMethod.Post, dataSet, "/internal/backfill", ct);

    public bool Knows(string clusterId) => proxy.TryGetCluster(clusterId, out _);

    private Task<T> GetAsync<T>(string clusterId, string path, CancellationToken ct) => SendAsync<T>(HttpMethod.Get, clusterId, path, ct);

    private async Task<T> SendAsync<T>(HttpMethod method, string clusterId, string path, CancellationToken ct)
    {
        if (!proxy.TryGetCluster(clusterId, out var cluster))
        {
            throw new DataSideException($"Unknown data set or cluster '{clusterId}'.");
        }
        var address = cluster.DestinationsState?.AllDestinations.FirstOrDefault()?.Model.Config.Address
            ?? throw new DataSideException($"Cluster '{clusterId}' has no destination.");
        var uri = new Uri(new Uri(address), path);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.Value.RequestTimeout);
            using var request = new HttpRequestMessage(method, uri);
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new DataSideException($"'{clusterId}' answered {(int)response.StatusCode} at {uri}.");
            }
            return await response.Content.ReadFromJsonAsync<T>(timeout.Token)
                ?? throw new DataSideException($"'{clusterId}' returned nothing at {uri}.");
        }
        catch (Exception ex) when (ex is not DataSideException && !ct.IsCancellationRequested)
        {
            // Transport, timeout, resilience (circuit open, attempt timeout) or an answer that is not the JSON expected.
            throw new DataSideException($"'{clusterId}' at {address} could not be read ({uri.AbsolutePath}): {ex.Message}");
        }
    }
}
