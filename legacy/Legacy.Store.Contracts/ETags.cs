using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Legacy.Store.Contracts;

/// <summary>
/// Strong ETags computed from the JSON representation, so any side serving the same data yields the same tag.
/// </summary>
public static class ETags
{
    public static string For<T>(T value, JsonSerializerOptions options)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, options);
        return $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"";
    }

    /// <summary>200 with an ETag, or 304 when the client's <c>If-None-Match</c> already names it.</summary>
    public static IResult JsonWithETag<T>(HttpContext context, T value)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var etag = For(value, options);
        context.Response.Headers.ETag = etag;
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Length > 0 && (ifNoneMatch == "*" || ifNoneMatch.Split(',').Any(t => t.Trim() == etag)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Json(value, options);
    }
}
