using System.Security.Cryptography;
using System.Text;

namespace Migration.Messaging.Parity;

/// <summary>One record as data verify compares it: its id and the owned fields, as canonical strings.</summary>
public sealed record ParityRow(int Id, IReadOnlyDictionary<string, string> Fields);

/// <summary>The records with ids in [<see cref="From"/>, <see cref="To"/>]: how many, and one hash over all of them.</summary>
public sealed record ParityBucket(int From, int To, int Count, string Hash);

/// <summary>A side's data set, summarised in fixed id ranges so two sides compare by exchanging a few hashes.</summary>
public sealed record ParityDigest(int Count, int BucketSize, IReadOnlyList<ParityBucket> Buckets)
{
    public const int DefaultBucketSize = 1000;
    public const int MaxBucketSize = 100_000;

    /// <summary>Builds the digest in one pass over <paramref name="rows"/>, which must come in ascending id order.</summary>
    public static async Task<ParityDigest> BuildAsync(IAsyncEnumerable<ParityRow> rows, int bucketSize, CancellationToken cancellationToken)
    {
        var buckets = new List<ParityBucket>();
        var count = 0;
        var bucket = -1;
        var inBucket = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var index = (row.Id - 1) / bucketSize;
            if (index != bucket)
            {
                Close();
                bucket = index;
            }
            hash.AppendData(RowHash(row));
            inBucket++;
            count++;
        }
        Close();
        return new ParityDigest(count, bucketSize, buckets);

        void Close()
        {
            if (inBucket > 0)
            {
                buckets.Add(new ParityBucket(bucket * bucketSize + 1, (bucket + 1) * bucketSize, inBucket, Convert.ToHexStringLower(hash.GetHashAndReset())));
            }
            inBucket = 0;
        }
    }

    /// <summary>The ranges whose count or hash differ between the two sides, or that only one side has.</summary>
    public static IReadOnlyList<(int From, int To)> DifferingRanges(ParityDigest owner, ParityDigest replica)
    {
        var theirs = replica.Buckets.ToDictionary(b => b.From);
        var ours = owner.Buckets.ToDictionary(b => b.From);
        return ours.Keys.Union(theirs.Keys).Order()
            .Where(from => !ours.TryGetValue(from, out var a) || !theirs.TryGetValue(from, out var b) || a.Count != b.Count || a.Hash != b.Hash)
            .Select(from => (from, from + owner.BucketSize - 1))
            .ToList();
    }

    /// <summary>SHA-256 of "id|name=value|…" with fields in ordinal order, so both sides hash a record the same way.</summary>
    public static byte[] RowHash(ParityRow row)
    {
        var text = new StringBuilder().Append(row.Id);
        foreach (var (name, value) in row.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append('|').Append(name).Append('=').Append(value.Replace("\\", "\\\\").Replace("|", "\\|"));
        }
        return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
    }
}
