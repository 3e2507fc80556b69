using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Migration.Facade.Flags;

/// <summary>
/// A canary's answer for one user, computed as FeatureManagement's percentile allocation computes it for the feature
/// <see cref="SliceFeatures"/> defines (SHA-256 of "{user}\n{seed}", first four bytes as a share of 100, the extracted
/// variant from 0 up to the percentage) but without its per-request objects: the request path calls this, and a test
/// holds it to FeatureManagement's own answer for the same users, so the two never disagree on who is in the canary.
/// </summary>
internal static class CanaryBuckets
{
    private const int StackLimit = 512;

    public static bool InCanary(string user, string slice, int percentage)
    {
        if (percentage >= 100) return true;
        if (percentage <= 0) return false;
        // The allocation's seed is the feature name: "{user}\n" + "slice:" + name.
        var length = Encoding.UTF8.GetMaxByteCount(user.Length + 1 + SliceFeatures.Prefix.Length + slice.Length);
        byte[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = Encoding.UTF8.GetBytes(user, buffer);
            buffer[written++] = (byte)'\n';
            written += Encoding.UTF8.GetBytes(SliceFeatures.Prefix, buffer[written..]);
            written += Encoding.UTF8.GetBytes(slice, buffer[written..]);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer[..written], hash);
            var share = BinaryPrimitives.ReadUInt32LittleEndian(hash) / (double)uint.MaxValue * 100;
            return share < percentage;
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
