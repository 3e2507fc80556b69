using System.Text.RegularExpressions;

namespace Migration.Facade.Shadow;

/// <summary>
/// Ignored JSON paths: <c>[*]</c> matches any index, <c>*</c> any property name, and a path also covers
/// everything below it (<c>$.audit</c> ignores <c>$.audit.by</c>).
/// </summary>
internal sealed class PathPatterns(IEnumerable<string> patterns)
{
    private readonly Regex[] _patterns = patterns.Select(ToRegex).ToArray();

    public bool Matches(string path) => _patterns.Any(p => p.IsMatch(path));

    private static Regex ToRegex(string pattern)
    {
        var escaped = Regex.Escape(pattern).Replace(@"\[\*]", @"\[\d+]").Replace(@"\*", @"[^.\[]+");
        return new Regex($"^{escaped}($|[.\\[])", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    }
}
