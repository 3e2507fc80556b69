using System.Collections.Concurrent;
using Migration.Facade.Contracts;
using Migration.Messaging.Applied;
using Migration.Messaging.Parity;

namespace Migration.Facade.Tests.Data;

/// <summary>
/// One side of a data set on a loopback port: its rows behind the real parity endpoints, and, for the service side,
/// the lag and backfill reports a test sets.
/// </summary>
internal sealed class DataBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DataBackend(WebApplication app) => _app = app;

    public ConcurrentDictionary<int, ParityRow> Rows { get; } = new();

    /// <summary>Requests the backend answered, by path (to see how much verify fetched).</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>
    /// What the service answers when asked for its lag (null: a 500). A real service measures continuously, so by default it
    /// is caught up as of the moment it is asked: a reading taken at the backend's start went stale on a slow run.
    /// </summary>
    public Func<LagReport?> Lag { get; set; } = CaughtUp;

    public static LagReport CaughtUp() => new("catalog", 0, 0, null, DateTimeOffset.UtcNow, null);

    public BackfillProgressDto Backfill { get; set; } = new("catalog", BackfillProgressDto.Idle, 0, 0, 0, 0, null, null, null);

    /// <summary>While set, the backfill endpoint answers 500.</summary>
    public bool BackfillBroken { get; set; }

    public string Url => _app.Urls.Single();

    public static async Task<DataBackend> StartAsync(string parityPrefix)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var backend = new DataBackend(app);
        app.Use((context, next) =>
        {
            backend.Requests.Enqueue(context.Request.Path + context.Request.QueryString);
            return next(context);
        });
        app.MapGet(parityPrefix, () => new[] { "products" });
        app.MapParity(parityPrefix + "/products", (_, from, to) => backend.Rows.Values.Where(r => r.Id >= from && r.Id <= to).OrderBy(r => r.Id).ToAsyncEnumerable());
        app.MapGet("/internal/sync/lag", () => backend.Lag() is { } lag ? Results.Ok(lag) : Results.StatusCode(500));
        app.MapGet("/internal/backfill", () => backend.BackfillBroken ? Results.StatusCode(500) : Results.Ok(backend.Backfill));
        await app.StartAsync();
        return backend;
    }

    public static ParityRow Row(int id, string name, long priceCents = 100) =>
        new(id, new Dictionary<string, string> { ["name"] = name, ["priceCents"] = priceCents.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public void Fill(int count)
    {
        for (var id = 1; id <= count; id++)
        {
            Rows[id] = Row(id, $"Product {id}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
