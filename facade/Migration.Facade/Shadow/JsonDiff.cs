using System.Text.Json.Nodes;

namespace Migration.Facade.Shadow;

/// <summary>
/// Structural comparison of two JSON documents: object properties by name (order ignored), arrays by index.
/// Yields the JSON path of every differing leaf, e.g. <c>$.items[3].price</c>, with both values as JSON text.
/// </summary>
internal static class JsonDiff
{
    public static IEnumerable<(string Path, string? Legacy, string? Extracted)> Compare(JsonNode? legacy, JsonNode? extracted) =>
        Walk("$", legacy, extracted);

    private static IEnumerable<(string, string?, string?)> Walk(string path, JsonNode? a, JsonNode? b)
    {
        switch (a, b)
        {
            case (JsonObject left, JsonObject right):
                foreach (var key in left.Select(p => p.Key).Union(right.Select(p => p.Key), StringComparer.Ordinal))
                {
                    var child = Child(path, key);
                    if (!left.TryGetPropertyValue(key, out var l)) { yield return (child, null, Text(right[key])); continue; }
                    if (!right.TryGetPropertyValue(key, out var r)) { yield return (child, Text(l), null); continue; }
                    foreach (var d in Walk(child, l, r)) yield return d;
                }
                break;
            case (JsonArray left, JsonArray right):
                for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
                {
                    var child = $"{path}[{i}]";
                    if (i >= left.Count) yield return (child, null, Text(right[i]));
                    else if (i >= right.Count) yield return (child, Text(left[i]), null);
                    else foreach (var d in Walk(child, left[i], right[i])) yield return d;
                }
                break;
            default:
                if (!JsonNode.DeepEquals(a, b)) yield return (path, Text(a), Text(b));
                break;
        }
    }

    private static string Child(string path, string key) =>
        key.Length > 0 && key.All(c => char.IsLetterOrDigit(c) || c is '_' or '-') ? $"{path}.{key}" : $"{path}['{key.Replace("'", "\\'")}']";

    private static string Text(JsonNode? node) => node?.ToJsonString() ?? "null";
}
