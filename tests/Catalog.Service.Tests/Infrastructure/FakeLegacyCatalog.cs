using System.Net;
using System.Text.Json;
using Legacy.Store.Contracts;
using Microsoft.AspNetCore.WebUtilities;

namespace Catalog.Service.Tests.Infrastructure;

/// <summary>
/// The monolith's catalog sync feed in a message handler: the categories, keyset pages of products with
/// versions and <c>X-Total-Count</c>, and switches to make a page fail.
/// </summary>
public sealed class FakeLegacyCatalog : HttpMessageHandler
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly DateTimeOffset ChangedAt = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly Lock _gate = new();
    private readonly Dictionary<(string, int), (object Row, long Version)> _versions = [];

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
        if (path == SyncRoutes.Categories)
        {
            if (CategoriesMissing)
            {
                return new HttpResponseMessage(HttpStatusCode.NotFound);
            }
            return JsonResponse(Categories.Select(c => new CategorySnapshot(c.Id, VersionOf(c), ChangedAt, c.Slug, c.Name)).ToList());
        }
        if (path == SyncRoutes.Changes)
        {
            // The lag monitor polls the owner's change feed; these tests judge the copy, not the lag.
            return JsonResponse(new List<Migration.Messaging.Applied.ChangeMark>());
        }
        if (path != SyncRoutes.Products)
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        var query = QueryHelpers.ParseQuery(request.RequestUri.Query);
        var afterId = int.Parse(query["afterId"]!, System.Globalization.CultureInfo.InvariantCulture);
        var limit = int.Parse(query["limit"]!, System.Globalization.CultureInfo.InvariantCulture);
        // Ids are 1..n in the fakes, so the keyset position names a page as the old paging did.
        var page = afterId / limit + 1;
        lock (_gate) RequestedPages.Add(page);
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }
        if (page == FailingPage)
        {
            return new HttpResponseMessage(HttpStatusCode.InternalServerError);
        }
        var rows = Products.Where(p => p.Id > afterId).OrderBy(p => p.Id).Take(limit)
            .Select(p => new ProductSnapshot(p.Id, VersionOf(p), ChangedAt, false, p.Name, p.Description, Money.ToCents(p.Price), p.CategoryId))
            .ToList();
        var response = JsonResponse(rows);
        response.Headers.Add("X-Total-Count", Products.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response;
    }

    /// <summary>Like the monolith, a row's version moves when the row changes: a test edits a record, the fake counts.</summary>
    private long VersionOf(object row)
    {
        var key = row switch
        {
            ProductDto p => ("product", p.Id),
            CategoryDto c => ("category", c.Id),
            _ => throw new ArgumentException("unknown row", nameof(row)),
        };
        lock (_gate)
        {
            if (!_versions.TryGetValue(key, out var seen))
            {
                seen = (row, 1);
            }
            else if (!Equals(seen.Row, row))
            {
                seen = (row, seen.Version + 1);
            }
            _versions[key] = seen;
            return seen.Version;
        }
    }

    private static HttpResponseMessage JsonResponse<T>(T body) => new(HttpStatusCode.OK)
    {
        Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, Json))
        {
            Headers = { ContentType = new("application/json") { CharSet = "utf-8" } },
        },
    };
}
