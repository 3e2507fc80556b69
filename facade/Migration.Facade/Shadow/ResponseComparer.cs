using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Migration.Facade.Contracts;

namespace Migration.Facade.Shadow;

/// <summary>Compares the monolith's answer with the extracted side's: status, chosen headers, body (JSON structurally).</summary>
internal sealed class ResponseComparer(ShadowOptions options)
{
    public const string StatusKind = "status";
    public const string HeaderKind = "header";
    public const string BodyKind = "body";

    private static readonly ConditionalWeakTable<ShadowOptions, ResponseComparer> Comparers = new();

    /// <summary>The comparer for one slice's options, so its ignored-path patterns are compiled once, not per mirror.</summary>
    public static ResponseComparer For(ShadowOptions options) => Comparers.GetValue(options, static o => new ResponseComparer(o));

    private readonly PathPatterns _ignored = new(options.IgnoredJsonPaths);
    private readonly string[] _headers = options.ComparedHeaders
        .Except(options.IgnoredHeaders, StringComparer.OrdinalIgnoreCase).ToArray();

    public List<FieldDifferenceDto> Compare(CapturedResponse legacy, CapturedResponse extracted)
    {
        var differences = new List<FieldDifferenceDto>();
        if (legacy.Status != extracted.Status)
        {
            differences.Add(new(StatusKind, "status", legacy.Status.ToString(), extracted.Status.ToString()));
        }
        foreach (var header in _headers)
        {
            var l = legacy.Headers.GetValueOrDefault(header);
            var e = extracted.Headers.GetValueOrDefault(header);
            if (!string.Equals(l, e, StringComparison.Ordinal))
            {
                differences.Add(new(HeaderKind, header, Redaction.Header(header, l), Redaction.Header(header, e)));
            }
        }
        differences.AddRange(CompareBodies(legacy, extracted));
        return differences;
    }

    private IEnumerable<FieldDifferenceDto> CompareBodies(CapturedResponse legacy, CapturedResponse extracted)
    {
        // The common case, identical bytes, needs no parsing: it runs on the facade's CPU beside user traffic.
        if (legacy.Body.AsSpan().SequenceEqual(extracted.Body))
        {
            return [];
        }
        if (legacy.IsJson && extracted.IsJson && TryParse(legacy.Body, out var l) && TryParse(extracted.Body, out var e))
        {
            return JsonDiff.Compare(l, e)
                .Where(d => !_ignored.Matches(d.Path))
                .Select(d => new FieldDifferenceDto(BodyKind, d.Path, Redaction.Field(d.Path, d.Legacy), Redaction.Field(d.Path, d.Extracted)));
        }
        return [new FieldDifferenceDto(BodyKind, "$", Redaction.Body(legacy.Body), Redaction.Body(extracted.Body))];
    }

    private static bool TryParse(byte[] body, out JsonNode? node)
    {
        try
        {
            node = body.Length == 0 ? null : JsonNode.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            node = null;
            return false;
        }
    }
}
