using System.Security.Cryptography;
using System.Text;

namespace Migration.Facade.Security;

internal static class TokenHasher
{
    public static string HashHex(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool IsSha256Hex(string? value) =>
        value is { Length: 64 } && value.All(Uri.IsHexDigit);

    /// <summary>
    /// The configured token matching <paramref name="presented"/>, or null. Every entry is compared in
    /// fixed time and the loop never stops early, so timing tells nothing about which hash was close.
    /// </summary>
    public static ControlPlaneToken? Match(string presented, IReadOnlyList<ControlPlaneToken> tokens)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), hash);
        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        ControlPlaneToken? found = null;
        foreach (var token in tokens)
        {
            if (!IsSha256Hex(token.Sha256))
            {
                continue;
            }
            Convert.FromHexString(token.Sha256, expected, out _, out _);
            if (CryptographicOperations.FixedTimeEquals(hash, expected))
            {
                found ??= token;
            }
        }
        return found;
    }
}
