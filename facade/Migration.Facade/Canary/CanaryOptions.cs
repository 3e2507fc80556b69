using System.ComponentModel.DataAnnotations;

namespace Migration.Facade.Canary;

/// <summary>How the facade recognises a user for sticky canaries (section <c>Canary</c>).</summary>
internal sealed record CanaryOptions
{
    public const string Section = "Canary";

    /// <summary>The facade's own first-party cookie for visitors who are not signed in.</summary>
    [Required, RegularExpression("^[A-Za-z0-9._-]+$")] public string CookieName { get; init; } = "strangler.uid";

    /// <summary>
    /// Whether the facade may set <see cref="CookieName"/>. Off where a site may not set such a cookie without consent:
    /// visitors without a cookie are then known by their client address.
    /// </summary>
    public bool IssueCookie { get; init; } = true;

    public UserCookieOptions UserCookie { get; init; } = new();

    /// <summary>Longest validity of a tester override issued by the control plane (a working day; revoke ends one sooner).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan MaxOverrideValidity { get; init; } = TimeSpan.FromHours(8);
}

/// <summary>
/// The monolith's sign-in cookie, read (never written) with the monolith's data-protection key ring, so a signed-in
/// user keeps one side on every device. Off unless <see cref="KeyRingPath"/> is set.
/// </summary>
internal sealed record UserCookieOptions
{
    public string Name { get; init; } = ".Store.Auth";

    /// <summary>The monolith's key folder; relative paths are resolved against the facade's content root.</summary>
    public string? KeyRingPath { get; init; }

    public string ApplicationName { get; init; } = "Legacy.Store";

    /// <summary>The monolith's cookie authentication scheme name (part of the protector's purpose).</summary>
    public string Scheme { get; init; } = "Cookies";
}
