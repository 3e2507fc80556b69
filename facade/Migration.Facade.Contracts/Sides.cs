namespace Migration.Facade.Contracts;

/// <summary>The two sides a slice request can be answered by. Wire values are the lower-case names.</summary>
public static class Sides
{
    public const string Legacy = "legacy";
    public const string Extracted = "extracted";

    public static bool IsKnown(string? side) => side is Legacy or Extracted;
}
