namespace Migration.Facade.Fallback;

/// <summary>
/// The fallback stage's result for a slice request the extracted side could not answer: the monolith answered instead,
/// for <paramref name="Reason"/> (<see cref="FallbackReasons"/>). Published once as an HttpContext feature: the request's
/// own record of what happened (its trace and the slice's counters say the same), while the routing decision
/// (<see cref="Routing.SliceRoute"/>) stays what it was.
/// </summary>
internal sealed record FallbackOutcome(string Reason);

