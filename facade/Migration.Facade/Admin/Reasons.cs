namespace Migration.Facade.Admin;

/// <summary>The reason every change carries into the audit log: required, and short enough to read.</summary>
internal static class Reasons
{
    public const int MaxLength = 500;

    /// <summary>What is wrong with <paramref name="reason"/>, or null when it will do.</summary>
    public static string? Problem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "A reason is required; it is written to the audit log."
        : reason.Length > MaxLength ? $"A reason has at most {MaxLength} characters."
        : reason.Any(char.IsControl) ? "A reason is one line of text, without control characters."
        : null;
}
