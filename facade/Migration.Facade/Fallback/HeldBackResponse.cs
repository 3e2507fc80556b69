namespace Migration.Facade.Fallback;

/// <summary>
/// The hold-back transform's result: the extracted side answered a safe request with this 5xx or 405, and its body was
/// not copied to the user, so the fallback stage can still let the monolith answer.
/// </summary>
internal sealed record HeldBackResponse(int StatusCode);
