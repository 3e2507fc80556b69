using Migration.Facade.Contracts;
using Migration.Facade.Routing;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Migration.Facade.Fallback;

/// <summary>
/// A YARP response transform on every route: an answer of the extracted side the user must not see
/// (<see cref="FallbackPolicy.HoldsBack"/>: a 5xx or a 405 to a safe request) is not copied to the user and is published
/// as <see cref="HeldBackResponse"/>, so <see cref="LegacyFallbackMiddleware"/> can still let the monolith answer.
/// </summary>
internal sealed class ExtractedHoldBack : ITransformProvider
{
    public void ValidateRoute(TransformRouteValidationContext context) { }

    public void ValidateCluster(TransformClusterValidationContext context) { }

    public void Apply(TransformBuilderContext context) => context.AddResponseTransform(HoldBack);

    public static ValueTask HoldBack(ResponseTransformContext context)
    {
        var http = context.HttpContext;
        if (context.ProxyResponse is { } response && FallbackPolicy.HoldsBack(http.Request.Method, (int)response.StatusCode)
            && http.Features.Get<SliceRoute>() is { } route && FallbackOutcome.SideSentTo(http, route) == Sides.Extracted)
        {
            context.SuppressResponseBody = true;
            http.Features.Set(new HeldBackResponse((int)response.StatusCode));
        }
        return ValueTask.CompletedTask;
    }
}
