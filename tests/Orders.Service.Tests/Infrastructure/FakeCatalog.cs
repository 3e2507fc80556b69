using System.Collections.Concurrent;
using System.Globalization;
using Legacy.Store.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Migration.Messaging.Applied;
using Migration.Tests.Shared;

namespace Orders.Service.Tests.Infrastructure;

/// <summary>
/// Catalog.Service's product API on a loopback port, so the service's real Refit client, service discovery and resilience
/// pipeline are what the tests go through. It also answers the monolith's order change feed (empty), which the lag
/// monitor polls twice a second: without it the monitor would reach for a real monolith on 5100.
/// </summary>
internal sealed class FakeCatalog : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _productRequests;

    private FakeCatalog(WebApplication app, string url) => (_app, Url) = (app, url);

    public string Url { get; }

    public ConcurrentDictionary<int, ProductDto> Products { get; } = new()
    {
        [1] = new ProductDto(1, "Blue Mug", "A mug.", 5.00m, 2, "garden"),
        [2] = new ProductDto(2, "Kite", "It flies.", 19.99m, 3, "toys"),
        [3] = new ProductDto(3, "Cookbook", "Recipes.", 12.50m, 1, "books"),
    };

    /// <summary>While set, every product request answers 503, as a catalog that is down behind a proxy does.</summary>
    public bool Down { get; set; }

    public int ProductRequests => Volatile.Read(ref _productRequests);

    public static async Task<FakeCatalog> StartAsync()
    {
        var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{TestPorts.Next()}");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeCatalog(app, url);
        app.MapGet("/api/products/{id:int}", (int id) =>
        {
            Interlocked.Increment(ref fake._productRequests);
            if (fake.Down)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
            return fake.Products.TryGetValue(id, out var product)
                ? Results.Json(product)
                : Results.Problem(statusCode: StatusCodes.Status404NotFound);
        });
        app.MapGet(OrderParity.Changes, () => Results.Json(new List<ChangeMark>()));
        await app.StartAsync();
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
