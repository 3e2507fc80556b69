using System.Net;
using Legacy.Store.Contracts;
using Microsoft.Extensions.Http.Resilience;
using Refit;

namespace Orders.Service.Catalog;

/// <summary>Catalog.Service could not say what a product costs (down, slow, or its circuit is open).</summary>
internal sealed class CatalogUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The products of an order as Catalog.Service knows them: every one found, or the ids it does not have.</summary>
internal sealed class CatalogClient(ICatalogApi catalog)
{
    // An order has up to 50 lines: asked a few at a time, not 50 requests at once.
    private const int Parallel = 8;

    public async Task<(Dictionary<int, ProductDto> Found, List<int> Unknown)> ProductsAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(Parallel);
        var answers = await Task.WhenAll(ids.Distinct().Select(async id =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return (Id: id, Product: await GetAsync(id, cancellationToken));
            }
            finally
            {
                gate.Release();
            }
        }));
        return (answers.Where(a => a.Product is not null).ToDictionary(a => a.Id, a => a.Product!),
            answers.Where(a => a.Product is null).Select(a => a.Id).ToList());
    }

    // The product, or null when Catalog.Service does not have it; each answer is disposed here, whatever the others do.
    private async Task<ProductDto?> GetAsync(int id, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await catalog.GetProductAsync(id, cancellationToken);
            return response.StatusCode == HttpStatusCode.NotFound ? null
                : response.IsSuccessStatusCode && response.Content is { } product ? product
                : throw new CatalogUnavailableException($"Catalog.Service answered {(int?)response.StatusCode} for product {id}.", response.Error);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or Polly.CircuitBreaker.BrokenCircuitException
                                       or Polly.Timeout.TimeoutRejectedException or ApiException
                                   && !cancellationToken.IsCancellationRequested)
        {
            throw new CatalogUnavailableException($"Catalog.Service could not be asked for product {id}: {ex.Message}", ex);
        }
    }
}

internal static class CatalogClientExtensions
{
    /// <summary>
    /// Catalog.Service found by service discovery (<c>Services:catalog</c>), with the standard resilience pipeline: an
    /// attempt timeout, a total timeout a user can wait for, a circuit breaker, and retries of safe methods only.
    /// </summary>
    public static WebApplicationBuilder AddCatalogClient(this WebApplicationBuilder builder)
    {
        var client = builder.Services.AddRefitGeneratedClient<ICatalogApi>(CatalogJsonContext.Default)
            .ConfigureHttpClient(http => http.BaseAddress = new Uri("http://catalog"));
#pragma warning disable EXTEXP0001 // experimental in Microsoft.Extensions.Http.Resilience 10.x; the documented way to replace the defaults
        client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        client.AddStandardResilienceHandler(options =>
        {
            options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(1);
            options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(3);
            options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(10);
            options.Retry.DisableForUnsafeHttpMethods();
        });
        builder.Services.AddScoped<CatalogClient>();
        return builder;
    }
}
