using Migration.Facade.Contracts;
using Migration.Facade.Routing;

namespace Migration.Facade.Fallback;

/// <summary>
/// The fallback stage's result for a slice request the extracted side could not answer: the monolith answered instead,
/// for <paramref name="Reason"/> (<see cref="FallbackReasons"/>). Published once as an HttpContext feature, while the
/// routing decision (<see cref="SliceRoute"/>) stays what it was; the transforms read the two together.
/// </summary>
internal sealed record FallbackOutcome(string Reason)
{
    /// <summary>
    /// The side the proxy is sending this request to now: the routed side, until a fallback resends it to the monolith
    /// (the hold-back applies to the service only, and the monolith never gets a service token).
    /// </summary>
    public static string SideSentTo(HttpContext context, SliceRoute route) =>
        route.Side == Sides.Extracted && context.Features.Get<FallbackOutcome>() is null ? Sides.Extracted : Sides.Legacy;
}
