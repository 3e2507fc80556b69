using System.Net.Http;
using Yarp.ReverseProxy.Forwarder;

namespace Migration.Facade.Fallback;

/// <summary>
/// When the monolith may answer instead of the extracted side. Safe methods may be replayed after any failure
/// that left the user's response untouched; other methods only when the request never reached the service.
/// </summary>
internal static class FallbackPolicy
{
    public const string Unreachable = "unreachable";
    public const string Timeout = "timeout";
    public const string ServerError = "server-error";
    public const string Unavailable = "unavailable";

    public static bool IsSafe(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method);

    /// <summary>The reason to fall back, or null to let the user see the extracted side's answer.</summary>
    public static string? Reason(string method, IForwarderErrorFeature? error, int? suppressedStatus)
    {
        if (error is not null)
        {
            if (NeverSent(error)) return Unreachable;
            if (!IsSafe(method)) return null;
            return error.Error is ForwarderError.RequestTimedOut ? Timeout : Unreachable;
        }
        return suppressedStatus is >= 500 && IsSafe(method) ? ServerError : null;
    }

    // Connection refused, DNS failure, no destination: the service never saw the request, so even a POST may go elsewhere.
    private static bool NeverSent(IForwarderErrorFeature error) =>
        error.Error is ForwarderError.NoAvailableDestinations ||
        (error.Error is ForwarderError.Request && error.Exception is HttpRequestException
        {
            HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError,
        });
}
