namespace Migration.Messaging.Applied;

/// <summary>
/// An event depends on data this consumer does not hold yet (e.g. a product whose category the backfill has not
/// copied). Wolverine retries it with a growing cooldown, then moves it to the dead letters, where it counts in the
/// replication lag instead of vanishing.
/// </summary>
public sealed class NotYetApplicableException(string message) : Exception(message);
