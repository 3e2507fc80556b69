namespace Migration.Facade.Shadow;

/// <summary>Why a shadowed request was not compared: the one vocabulary of the shadow report, metrics and README.</summary>
internal static class ShadowSkipReasons
{
    /// <summary>The method is not mirrored for this slice (GET/HEAD unless the slice allows more).</summary>
    public const string Method = "method";

    /// <summary>The request body or either answer was over its cap.</summary>
    public const string Size = "size";

    /// <summary>The mirror queue was full: shed rather than delay the user.</summary>
    public const string QueueFull = "queue-full";

    /// <summary>The slice has no extracted cluster to mirror to.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>The mirrored request (or its noise-cancelling second call) ran out of time.</summary>
    public const string Timeout = "timeout";

    /// <summary>Either side gave no answer to compare.</summary>
    public const string Error = "error";

    /// <summary>The mirror waited in the queue past <c>Shadow:MaxQueueAge</c>.</summary>
    public const string Stale = "stale";
}
