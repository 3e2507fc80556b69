namespace Migration.Facade.Security;

internal static class ControlPlaneRoles
{
    public const string Viewer = "viewer";
    public const string Operator = "operator";

    public static bool IsKnown(string? role) => role is Viewer or Operator;
}

/// <summary>A bearer token as configured: never the token itself, only the SHA-256 hex of it.</summary>
internal sealed record ControlPlaneToken
{
    public string Name { get; init; } = "";
    public string Role { get; init; } = "";
    public string Sha256 { get; init; } = "";
}

internal sealed record ControlPlaneOptions
{
    public const string Section = "ControlPlane";

    public IReadOnlyList<ControlPlaneToken> Tokens { get; init; } = [];

    /// <summary>Where Development writes its generated operator token (the CLI reads it). <c>~</c> is the home folder.</summary>
    public string TokenFile { get; init; } = "~/.strangler/token";

    public static string ExpandHome(string path) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.TrimStart('~').TrimStart('/'))
            : path;
}
