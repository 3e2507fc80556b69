namespace Migration.Cli.Infrastructure;

/// <summary>Where the control plane is and which token to present.</summary>
internal sealed record ControlPlaneTarget(Uri Url, string? Token)
{
    public const string DefaultUrl = "http://127.0.0.1:5001";
    public const string UrlVariable = "STRANGLER_URL";
    public const string TokenVariable = "STRANGLER_TOKEN";
    public const string TokenFileVariable = "STRANGLER_TOKEN_FILE";

    /// <summary>Explicit option first, then the environment, then the default (URL) or the token file (token).</summary>
    public static ControlPlaneTarget Resolve(string? url, string? token, ICliEnvironment environment)
    {
        var rawUrl = FirstNonBlank(url, environment.GetVariable(UrlVariable)) ?? DefaultUrl;
        if (!Uri.TryCreate(rawUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new CliException(ExitCodes.Usage, $"'{rawUrl}' is not an http(s) URL; pass --url or set {UrlVariable}");
        }

        var resolvedToken = FirstNonBlank(token, environment.GetVariable(TokenVariable)) ?? ReadTokenFile(environment);
        return new ControlPlaneTarget(uri, resolvedToken);
    }

    public static string TokenFilePath(ICliEnvironment environment) =>
        FirstNonBlank(environment.GetVariable(TokenFileVariable))
        ?? Path.Combine(environment.HomeDirectory, ".strangler", "token");

    private static string? ReadTokenFile(ICliEnvironment environment)
    {
        var text = environment.ReadFile(TokenFilePath(environment));
        // The file is written by hand or by the facade; tolerate a trailing newline or blank lines.
        return text?.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0);
    }

    private static string? FirstNonBlank(params string?[] values) =>
        values.FirstOrDefault(value => !string.IsNullOrWhiteSpace(value))?.Trim();
}
