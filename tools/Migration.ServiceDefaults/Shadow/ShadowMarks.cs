using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Migration.ServiceDefaults.Shadow;

/// <summary>
/// The mark on a request the facade mirrors in shadow (<c>X-Shadow-Request</c>): with a key shared by the facade and a
/// service (<c>Shadow:MarkKey</c>) it is an HMAC over time, method and path, so a service may rely on it, e.g. to skip
/// side effects of a mirrored request. A client can never send one: the facade removes it from every client request.
/// </summary>
public static class ShadowMarks
{
    public const string Header = "X-Shadow-Request";

    /// <summary>The unsigned mark, when no key is configured: it tells a copy from the real request, but proves nothing.</summary>
    public const string Unsigned = "1";

    public static string Create(byte[] key, string method, string pathAndQuery, DateTimeOffset at)
    {
        var seconds = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return seconds + "." + Convert.ToHexStringLower(Sign(key, seconds, method, pathAndQuery));
    }

    /// <summary>Whether <paramref name="request"/> carries a mark made with <paramref name="key"/> less than <paramref name="maxAge"/> ago.</summary>
    public static bool IsMirrored(HttpRequest request, byte[] key, DateTimeOffset now, TimeSpan maxAge)
    {
        var mark = request.Headers[Header].ToString();
        var dot = mark.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !long.TryParse(mark.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()) return false;
        var age = now - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age > maxAge || age < -maxAge) return false;
        byte[] given;
        try
        {
            given = Convert.FromHexString(mark.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return false;
        }
        // The path the request was sent to, before any path base the service strips.
        var expected = Sign(key, mark[..dot], request.Method, request.PathBase + request.Path + request.QueryString);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    private static byte[] Sign(byte[] key, string seconds, string method, string pathAndQuery) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{seconds}\n{method.ToUpperInvariant()}\n{pathAndQuery}"));
}
