namespace Migration.Messaging.Applied;

public static class MessagingMeters
{
    /// <summary>Matches ServiceDefaults' <c>Migration.*</c> meter registration.</summary>
    public const string Name = "Migration.Messaging";
}
