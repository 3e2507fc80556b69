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
    public async Task<(Dictionary<int, ProductDto> Found, List<int> Unknown)> ProductsAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var answers = await Task.WhenAll(ids.Distinct().Select(async id => (id, response: await GetAsync(id, cancellationToken))));
        var found = new Dictionary<int, ProductDto>();
        var unknown = new List<int>();
        foreach (var (id, response) in answers)
        {
            using (response)
            {
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    unknown.Add(id);
                }
                else if (response.IsSuccessStatusCode && response.Content is { } product)
                {
                    found[id] = product;
                }
                else
                {
                    throw new CatalogUnavailableException($"Catalog.Service answered {(int?)response.StatusCode} for product {id}.", response.Error);
                }
            }
        }
        return (found, unknown);
    }

    private async Task<IApiResponse<ProductDto>> GetAsync(int id, CancellationToken cancellationToken)
    {
        try
        {
            return await catalog.GetProductAsync(id, cancellationToken);
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
