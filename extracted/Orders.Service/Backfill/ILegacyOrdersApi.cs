using System.Text.Json;
using System.Text.Json.Serialization;
using Legacy.Store.Contracts;
using Migration.Messaging.Applied;
using Refit;

namespace Orders.Service.Backfill;

/// <summary>The monolith's order sync feed (<see cref="OrderParity"/>): the only way this service reads the monolith's orders.</summary>
public interface ILegacyOrdersApi
{
    /// <remarks>Keyset pages in id order; <c>X-Total-Count</c> sizes the run.</remarks>
    [Get(OrderParity.Orders)]
    Task<IApiResponse<List<OrderSnapshot>>> GetOrdersAsync(int afterId, int limit, CancellationToken cancellationToken = default);

    /// <remarks>Changes strictly after <paramref name="since"/>, oldest first (see <see cref="IChangeFeed"/>).</remarks>
    [Get(OrderParity.Changes)]
    Task<List<ChangeMark>> GetChangesAsync([Query(Format = "O")] DateTimeOffset since, int limit, CancellationToken cancellationToken = default);
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<OrderSnapshot>))]
[JsonSerializable(typeof(List<ChangeMark>))]
internal sealed partial class LegacyOrdersJsonContext : JsonSerializerContext;
