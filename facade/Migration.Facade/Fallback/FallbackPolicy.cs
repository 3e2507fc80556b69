using System.Net.Http;
using Yarp.ReverseProxy.Forwarder;

namespace Migration.Facade.Fallback;

/// <summary>
/// When the monolith may answer instead of the extracted side. Safe methods may be replayed after any failure
/// that left the user's response untouched; other methods only when the request never reached the service.
/// </summary>
internal static class FallbackPolicy
{
    /// <summary>The safe methods clients send (RFC 9110, 9.2.1): asking the monolith as well changes nothing.</summary>
    public static bool IsSafe(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);

    /// <summary>
    /// Whether the extracted side's answer is kept from the user, so the monolith can still answer: a 5xx, or a 405 whose
    /// <c>Allow</c> header would name the service's methods instead of the monolith's. Only to a safe request, which may
    /// be asked twice; a 501 is a 5xx.
    /// </summary>
    public static bool HoldsBack(string method, int status) =>
        (status >= StatusCodes.Status500InternalServerError || status == StatusCodes.Status405MethodNotAllowed) && IsSafe(method);

    /// <summary>
    /// The reason to fall back, or null to let the user see the extracted side's answer. A request whose slice deadline
    /// ran out never falls back: the budget is the user's, and the monolith would have none of it left.
    /// </summary>
    public static string? Reason(string method, IForwarderErrorFeature? error, int? heldBackStatus, bool deadlineExpired = false)
    {
        if (deadlineExpired) return null;
        if (error is not null)
        {
            // The user went away: nobody is left to answer, and the service is not to blame.
            if (IsClientFault(error.Error)) return null;
            if (NeverSent(error)) return FallbackReasons.Unreachable;
            if (!IsSafe(method)) return null;
            return error.Error is ForwarderError.RequestTimedOut ? FallbackReasons.Timeout : FallbackReasons.Unreachable;
        }
        if (heldBackStatus is not { } status || !HoldsBack(method, status)) return null;
        return status == StatusCodes.Status405MethodNotAllowed ? FallbackReasons.MethodNotAllowed : FallbackReasons.ServerError;
    }

    /// <summary>
    /// Whether the side that handled the request failed it: a proxy error the user did not cause, a 5xx, or a
    /// 5xx held back from the user, or the slice's deadline ran out. A client that disconnects makes YARP answer 502, which
    /// is not the side's fault; nor is a held-back 405, a method the service does not serve.
    /// </summary>
    public static bool SideFailed(IForwarderErrorFeature? error, int statusCode, int? heldBackStatus, bool deadlineExpired = false) =>
        deadlineExpired || (error is not null ? !IsClientFault(error.Error) : statusCode >= 500 || heldBackStatus >= 500);

    /// <summary>Errors YARP attributes to the client: it cancelled, or reading/writing its side of the exchange failed.</summary>
    public static bool IsClientFault(ForwarderError error) => error is
        ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.RequestBodyClient or
        ForwarderError.ResponseBodyCanceled or ForwarderError.ResponseBodyClient or
        ForwarderError.UpgradeRequestCanceled or ForwarderError.UpgradeRequestClient or
        ForwarderError.UpgradeResponseCanceled or ForwarderError.UpgradeResponseClient;

    // Connection refused, DNS, TLS handshake or proxy tunnel failure, no destination: SocketsHttpHandler reports these
    // while establishing the connection, before a byte of the request is written, so even a POST may go elsewhere.
    private static bool NeverSent(IForwarderErrorFeature error) =>
        error.Error is ForwarderError.NoAvailableDestinations ||
        (error.Error is ForwarderError.Request && error.Exception is HttpRequestException
        {
            HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
                or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError,
        });
}
