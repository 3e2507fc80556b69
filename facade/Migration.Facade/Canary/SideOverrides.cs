using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Migration.Facade.Canary;

/// <summary>
/// Tester passes for <c>X-Migration-Side</c>: values the control plane issues, sealed with a data-protection key
/// ring kept beside the flag store, so every facade instance sharing the store accepts them, and nobody can forge one.
/// </summary>
internal sealed class SideOverrides(IDataProtectionProvider provider, TimeProvider clock)
{
    private const int CacheLimit = 10_000;
    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("Migration.Facade.SideOverride.v1").ToTimeLimitedDataProtector();
    private readonly ConcurrentDictionary<string, (string Slice, string Side, DateTimeOffset Expires)?> _cache = new(StringComparer.Ordinal);

    public string Issue(string slice, string side, DateTimeOffset expires) =>
        _protector.Protect($"{slice}\n{side}\n{Convert.ToHexString(RandomNumberGenerator.GetBytes(8))}", expires);

    /// <summary>The side a valid, unexpired pass for <paramref name="slice"/> forces; null for anything else.</summary>
    public string? SideFor(string slice, string value)
    {
        if (!_cache.TryGetValue(value, out var pass))
        {
            pass = Read(value);
            if (_cache.Count >= CacheLimit) _cache.Clear();
            _cache[value] = pass;
        }
        return pass is { } p && p.Slice == slice && p.Expires > clock.GetUtcNow() ? p.Side : null;
    }

    private (string, string, DateTimeOffset)? Read(string value)
    {
        try
        {
            var parts = _protector.Unprotect(value, out var expires).Split('\n');
            return parts.Length == 3 ? (parts[0], parts[1], expires) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
