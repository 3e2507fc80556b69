namespace Migration.Facade.Fallback;

/// <summary>
/// The fallback stage's result for a slice request the extracted side could not answer: the monolith answered instead,
/// for <paramref name="Reason"/> (<see cref="FallbackReasons"/>). Published once as an HttpContext feature; the routing
/// decision (<see cref="Routing.SliceRoute"/>) stays what it was.
/// </summary>
internal sealed record FallbackOutcome(string Reason);

/// <summary>
/// The hold-back transform's result: the extracted side answered a safe request with this 5xx, and its body was not
/// copied to the user, so the fallback stage can still let the monolith answer.
/// </summary>
internal sealed record HeldBackResponse(int StatusCode);
