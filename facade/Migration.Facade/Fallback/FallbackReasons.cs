namespace Migration.Facade.Fallback;

/// <summary>Why the monolith answered a request meant for the extracted side: the one vocabulary of metrics, traces and the API.</summary>
internal static class FallbackReasons
{
    /// <summary>The service could not be reached (connection refused, reset, no destination).</summary>
    public const string Unreachable = "unreachable";

    /// <summary>The service stayed silent longer than the slice's activity timeout.</summary>
    public const string Timeout = "timeout";

    /// <summary>The service answered a safe request with a 5xx, which was held back from the user.</summary>
    public const string ServerError = "server-error";

    /// <summary>The extracted side was chosen but had no available destination (circuit open).</summary>
    public const string Unavailable = "unavailable";
}
