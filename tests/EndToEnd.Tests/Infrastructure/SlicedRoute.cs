using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EndToEnd.Tests.Infrastructure;

/// <summary>A route of the facade's shipped configuration (<c>ReverseProxy:Routes</c>) that belongs to a slice.</summary>
internal sealed partial record SlicedRoute(string Id, string Slice, string Path, IReadOnlyList<string> Methods)
{
    /// <summary>The path with every parameter filled in (1), ready to call.</summary>
    public string Example => Parameter().Replace(Path, "1");

    /// <summary>
    /// The slice's routes as the built facade's appsettings.json declares them, which is what its process serves: a route
    /// added to a slice is covered without naming it here.
    /// </summary>
    public static IReadOnlyList<SlicedRoute> Shipped(string slice)
    {
        var file = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(BuiltApp.Dll("facade/Migration.Facade", "Migration.Facade"))!, "appsettings.json");
        var settings = JsonNode.Parse(File.ReadAllText(file), documentOptions: new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        })!;
        return settings["ReverseProxy"]!["Routes"]!.AsObject()
            .Where(r => r.Value!["Metadata"]?["Slice"]?.GetValue<string>() == slice)
            .Select(r => new SlicedRoute(r.Key, slice, r.Value!["Match"]!["Path"]!.GetValue<string>(),
                r.Value["Match"]!["Methods"]?.AsArray().Select(m => m!.GetValue<string>()).ToArray() ?? []))
            .ToArray();
    }

    [GeneratedRegex("{[^}]+}")]
    private static partial Regex Parameter();
}
