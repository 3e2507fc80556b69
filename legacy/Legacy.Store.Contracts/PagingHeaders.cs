using Microsoft.AspNetCore.Http;

namespace Legacy.Store.Contracts;

/// <summary>Writes <c>X-Total-Count</c> and an RFC 8288 <c>Link</c> header naming the address the user called.</summary>
public static class PagingHeaders
{
    public static void Write(HttpContext context, ProductQuery query, int totalCount)
    {
        var request = context.Request;
        var lastPage = Math.Max(1, (int)Math.Ceiling(totalCount / (double)query.PageSize));
        var baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";

        string Url(int page)
        {
            var url = $"{baseUrl}?page={page}&pageSize={query.PageSize}";
            if (query.Category is not null) url += "&category=" + Uri.EscapeDataString(query.Category);
            if (query.Search is not null) url += "&search=" + Uri.EscapeDataString(query.Search);
            if (query.Sort is not null) url += "&sort=" + Uri.EscapeDataString(query.Sort);
            return url;
        }

        var links = new List<string> { $"<{Url(1)}>; rel=\"first\"" };
        if (query.Page > 1) links.Add($"<{Url(Math.Min(query.Page - 1, lastPage))}>; rel=\"prev\"");
        if (query.Page < lastPage) links.Add($"<{Url(query.Page + 1)}>; rel=\"next\"");
        links.Add($"<{Url(lastPage)}>; rel=\"last\"");

        context.Response.Headers["X-Total-Count"] = totalCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers.Link = string.Join(", ", links);
    }
}
