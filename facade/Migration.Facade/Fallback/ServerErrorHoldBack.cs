using Migration.Facade.Routing;
using Yarp.ReverseProxy.Transforms;

namespace Migration.Facade.Fallback;

/// <summary>
/// A YARP response transform: a 5xx from the extracted side to a safe request is not copied to the user, so
/// <see cref="SliceGuardMiddleware"/> can still let the monolith answer.
/// </summary>
internal static class ServerErrorHoldBack
{
    public static ValueTask Apply(ResponseTransformContext context)
    {
        if (context.ProxyResponse is { } response && (int)response.StatusCode >= 500
            && context.HttpContext.Features.Get<SliceRequest>() is { Side: SliceRequest.ExtractedSide } request
            && FallbackPolicy.IsSafe(context.HttpContext.Request.Method))
        {
            context.SuppressResponseBody = true;
            request.SuppressedStatus = (int)response.StatusCode;
        }
        return ValueTask.CompletedTask;
    }
}
