using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Migration.Facade.Shadow;

/// <summary>
/// Keeps secrets out of difference samples: credentials, cookies, secret-looking JSON fields (at any depth of the
/// differing value, and under any secret-looking parent) and secret-looking query parameters. Samples are read by
/// viewers, so it errs on the side of masking too much.
/// </summary>
internal static partial class Redaction
{
    public const string Mask = "***";
    private const int MaxValueLength = 200;

    private static readonly HashSet<string> SecretHeaders =
        new(["Authorization", "Cookie", "Set-Cookie", "Proxy-Authorization", "X-Api-Key"], StringComparer.OrdinalIgnoreCase);

    public static string? Header(string name, string? value) => SecretHeaders.Contains(name) && value is not null ? Mask : Trim(value);

    /// <summary>A differing JSON value (as JSON text) at <paramref name="path"/>.</summary>
    public static string? Field(string path, string? value)
    {
        if (value is null) return null;
        // $.tokens[0] or $.user when the whole user object differs: the secret is above or below the leaf.
        if (path.Split(['.', '[', ']', '\''], StringSplitOptions.RemoveEmptyEntries).Any(IsSecretName)) return Mask;
        return Trim(value is ['{', ..] or ['[', ..] ? Json(value) : value);
    }

    /// <summary>A body compared byte for byte: JSON is shown with its secrets masked, anything else as text.</summary>
    public static string Body(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        var shown = text.TrimStart() is ['{', ..] or ['[', ..] ? Json(text) : text;
        return $"{body.Length} bytes: {shown[..Math.Min(shown.Length, 120)]}";
    }

    /// <summary>The request's path and query, with the values of secret-looking parameters masked.</summary>
    public static string PathAndQuery(string path, QueryString query)
    {
        if (!query.HasValue) return path;
        var pairs = query.Value!.TrimStart('?').Split('&').Select(pair =>
            pair.Split('=', 2) is [var name, _] && IsSecretName(Uri.UnescapeDataString(name)) ? $"{name}={Mask}" : pair);
        return Trim(path + "?" + string.Join('&', pairs))!;
    }

    private static string Json(string text)
    {
        try
        {
            var node = JsonNode.Parse(text);
            MaskSecrets(node);
            return node?.ToJsonString() ?? "null";
        }
        catch (JsonException)
        {
            // Looks like JSON but does not parse: its secrets cannot be found, so none of it is shown.
            return Mask;
        }
    }

    private static void MaskSecrets(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (IsSecretName(key)) obj[key] = Mask;
                    else MaskSecrets(obj[key]);
                }
                break;
            case JsonArray array:
                foreach (var item in array) MaskSecrets(item);
                break;
        }
    }

    private static bool IsSecretName(string name) => SecretName().IsMatch(name);

    private static string? Trim(string? value) =>
        value is { Length: > MaxValueLength } ? value[..MaxValueLength] + "…" : value;

    [GeneratedRegex("pass(word|wd|phrase)?|secret|token|api[-_]?key|authorization|cookie|credential|ssn|card", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
