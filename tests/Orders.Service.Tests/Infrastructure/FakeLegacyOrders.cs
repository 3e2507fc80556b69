using System.Globalization;
using System.Net;
using System.Text.Json;
using Legacy.Store.Contracts;
using Microsoft.AspNetCore.WebUtilities;

namespace Orders.Service.Tests.Infrastructure;

/// <summary>The monolith's order sync feed in a message handler: keyset pages with versions and <c>X-Total-Count</c>.</summary>
internal sealed class FakeLegacyOrders : HttpMessageHandler
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly Lock _gate = new();

    public List<OrderSnapshot> Orders { get; } = [];

    /// <summary>The <c>afterId</c> of every page asked for, in order.</summary>
    public List<int> RequestedAfter { get; } = [];

    /// <summary>The page after this id answers 500 while set.</summary>
    public int? FailingAfter { get; set; }

    /// <summary>
    /// Orders 1..<paramref name="count"/> of ten customers, two lines each; every seventh cancelled (version 2), as the
    /// monolith would show them.
    /// </summary>
    public static FakeLegacyOrders WithOrders(int count)
    {
        var fake = new FakeLegacyOrders();
        for (var id = 1; id <= count; id++)
        {
            fake.Orders.Add(Order(id));
        }
        return fake;
    }

    public static OrderSnapshot Order(int id)
    {
        var placedAt = Start.AddMinutes(id);
        var cancelled = id % 7 == 0;
        OrderLineSnapshot[] lines = [new(1 + id % 5, $"Product {1 + id % 5}", 100 * (1 + id % 5), 1 + id % 3), new(10, "Gift wrap", 250, 1)];
        return new OrderSnapshot(
            id, cancelled ? 2 : 1, cancelled ? placedAt.AddHours(1) : placedAt, 1 + id % 10, placedAt,
            cancelled ? "Cancelled" : "Placed", lines.Sum(l => l.UnitPriceCents * l.Quantity), lines);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = Answer(request);
        response.RequestMessage = request;
        return Task.FromResult(response);
    }

    private HttpResponseMessage Answer(HttpRequestMessage request)
    {
        if (request.RequestUri!.AbsolutePath != OrderParity.Orders)
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }
        var query = QueryHelpers.ParseQuery(request.RequestUri.Query);
        var afterId = int.Parse(query["afterId"]!, CultureInfo.InvariantCulture);
        var limit = int.Parse(query["limit"]!, CultureInfo.InvariantCulture);
        lock (_gate) RequestedAfter.Add(afterId);
        if (afterId == FailingAfter)
        {
            return new HttpResponseMessage(HttpStatusCode.InternalServerError);
        }
        var page = Orders.Where(o => o.Id > afterId).OrderBy(o => o.Id).Take(limit).ToList();
        var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(page, Json))
            {
                Headers = { ContentType = new("application/json") { CharSet = "utf-8" } },
            },
        };
        response.Headers.Add("X-Total-Count", Orders.Count.ToString(CultureInfo.InvariantCulture));
        return response;
    }
}
