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

    /// <summary>
    /// The service answered a safe request with 405, which was held back from the user: its <c>Allow</c> header names the
    /// service's methods, and only the monolith's answer says what the address serves. Not a failure: the service answered,
    /// for a method it does not serve (HEAD where a minimal API maps only GET, say).
    /// </summary>
    public const string MethodNotAllowed = "method-not-allowed";

    /// <summary>
    /// Whether the reason is the extracted side failing, an error its SLOs must see. Every reason is, but a method the
    /// service does not serve; a reason added later counts as a failure unless it says otherwise here.
    /// </summary>
    public static bool IsFailure(string reason) => reason != MethodNotAllowed;
}
