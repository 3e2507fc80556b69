using System.Text.RegularExpressions;

namespace Migration.Facade.Shadow;

/// <summary>Keeps secrets out of difference samples: credentials, cookies and secret-looking JSON fields.</summary>
internal static partial class Redaction
{
    public const string Mask = "***";
    private const int MaxValueLength = 200;

    private static readonly HashSet<string> SecretHeaders =
        new(["Authorization", "Cookie", "Set-Cookie", "Proxy-Authorization", "X-Api-Key"], StringComparer.OrdinalIgnoreCase);

    public static string? Header(string name, string? value) => SecretHeaders.Contains(name) && value is not null ? Mask : Trim(value);

    public static string? Field(string path, string? value) => value is not null && SecretField().IsMatch(LastSegment(path)) ? Mask : Trim(value);

    private static string LastSegment(string path)
    {
        var cut = path.LastIndexOfAny(['.', '[']);
        return cut < 0 ? path : path[(cut + 1)..];
    }

    private static string? Trim(string? value) =>
        value is { Length: > MaxValueLength } ? value[..MaxValueLength] + "…" : value;

    [GeneratedRegex("pass(word)?|secret|token|api[-_]?key|authorization|cookie|credential|ssn|card", RegexOptions.IgnoreCase)]
    private static partial Regex SecretField();
}
