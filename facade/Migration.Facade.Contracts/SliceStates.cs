namespace Migration.Facade.Contracts;

/// <summary>Where a slice's traffic goes. Wire values are the lower-case names.</summary>
public static class SliceStates
{
    public const string Legacy = "legacy";
    public const string Shadow = "shadow";
    public const string Canary = "canary";
    public const string Extracted = "extracted";

    public static readonly IReadOnlyList<string> All = [Legacy, Shadow, Canary, Extracted];

    public static bool IsKnown(string? state) => state is not null && All.Contains(state);
}
