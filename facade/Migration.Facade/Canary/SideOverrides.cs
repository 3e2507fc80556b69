using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Migration.Facade.Flags;

namespace Migration.Facade.Canary;

/// <summary>
/// Tester overrides for <c>X-Migration-Side</c>: random values the control plane issues and the flag store knows only
/// by their SHA-256, so every facade instance sharing the store honours them and nobody can forge one. Checking a
/// value is a hash on the stack and a look-up in the current snapshot: no I/O, no allocation.
/// </summary>
internal sealed class SideOverrides(SliceSnapshotHolder snapshots, TimeProvider clock)
{
    // Issued values are 43 characters; a much longer header is not one of ours and not worth hashing.
    private const int MaxValueLength = 128;
    private const int HashLength = SHA256.HashSizeInBytes * 2;

    /// <summary>256 random bits, URL-safe: unguessable, and fits a header without escaping.</summary>
    public static string NewValue() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>An override's public name: the start of its hash (the value cannot be derived from it).</summary>
    public static string IdOf(string hash) => hash[..16];

    /// <summary>What the flag store keeps instead of the value: its lowercase hex SHA-256.</summary>
    public static string HashOf(string value)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value.Length, MaxValueLength);
        Span<char> hex = stackalloc char[HashLength];
        Hash(value, hex);
        return new string(hex);
    }

    /// <summary>The side a valid, unexpired override for <paramref name="slice"/> forces; null for anything else.</summary>
    public string? SideFor(string slice, string value)
    {
        var snapshot = snapshots.Current;
        if (snapshot.Overrides.Count == 0 || value.Length is 0 or > MaxValueLength)
        {
            return null;
        }
        Span<char> hex = stackalloc char[HashLength];
        Hash(value, hex);
        return snapshot.OverridesByHash.TryGetValue(hex, out var pass) && pass.Slice == slice && pass.ExpiresAt > clock.GetUtcNow()
            ? pass.Side
            : null;
    }

    private static void Hash(ReadOnlySpan<char> value, Span<char> hex)
    {
        Span<byte> utf8 = stackalloc byte[MaxValueLength * 3];
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..Encoding.UTF8.GetBytes(value, utf8)], digest);
        Convert.TryToHexStringLower(digest, hex, out _);
    }
}
