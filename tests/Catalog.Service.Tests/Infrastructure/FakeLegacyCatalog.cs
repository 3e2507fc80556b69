using System.Net;
using System.Text.Json;
using Legacy.Store.Contracts;
using Microsoft.AspNetCore.WebUtilities;

namespace Catalog.Service.Tests.Infrastructure;

/// <summary>
/// The monolith's catalog API in a message handler: the categories, pages of products with
/// <c>X-Total-Count</c>, and switches to make a page fail.
/// </summary>
public sealed class FakeLegacyCatalog : HttpMessageHandler
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Lock _gate = new();

    public List<CategoryDto> Categories { get; } =
    [
        new(1, "books", "Books", 0),
        new(2, "garden", "Garden", 0),
    ];

    public List<ProductDto> Products { get; } = [];

    /// <summary>Requests for this page answer 500 while set.</summary>
    public int? FailingPage { get; set; }

    /// <summary>When set, the categories endpoint answers 404 (not transient, so no retries).</summary>
    public bool CategoriesMissing { get; set; }

    /// <summary>Every product page asked for, in order.</summary>
    public List<int> RequestedPages { get; } = [];

    /// <summary>While set and not completed, product pages wait for it: keeps a run "running" for as long as a test needs.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public static FakeLegacyCatalog WithProducts(int count)
    {
        var fake = new FakeLegacyCatalog();
        for (var id = 1; id <= count; id++)
        {
            var category = fake.Categories[id % 2];
            fake.Products.Add(new ProductDto(id, $"Product {id:D4}", $"Description of {id}", 1m + id * 0.25m, category.Id, category.Slug));
        }
        return fake;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await AnswerAsync(request, cancellationToken);
        response.RequestMessage = request;
        return response;
    }

    private async Task<HttpResponseMessage> AnswerAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (path == "/api/categories")
        {
            if (CategoriesMissing)
            {
                return new HttpResponseMessage(HttpStatusCode.NotFound);
            }
            return JsonResponse(Categories);
        }
        if (path != "/api/products")
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        var query = QueryHelpers.ParseQuery(request.RequestUri.Query);
        var page = int.Parse(query["page"]!, System.Globalization.CultureInfo.InvariantCulture);
        var pageSize = int.Parse(query["pageSize"]!, System.Globalization.CultureInfo.InvariantCulture);
        lock (_gate) RequestedPages.Add(page);
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }
        if (page == FailingPage)
        {
            return new HttpResponseMessage(HttpStatusCode.InternalServerError);
        }
        var response = JsonResponse(Products.OrderBy(p => p.Id).Skip((page - 1) * pageSize).Take(pageSize).ToList());
        response.Headers.Add("X-Total-Count", Products.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response;
    }

    private static HttpResponseMessage JsonResponse<T>(T body) => new(HttpStatusCode.OK)
    {
        Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, Json))
        {
            Headers = { ContentType = new("application/json") { CharSet = "utf-8" } },
        },
    };
}
