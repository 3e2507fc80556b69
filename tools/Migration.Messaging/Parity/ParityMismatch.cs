namespace Migration.Messaging.Parity;

/// <summary>One record that differs: missing on a side, or fields whose values differ (both values shown).</summary>
public sealed record ParityMismatch(int Id, string Kind, IReadOnlyList<FieldDifference> Fields)
{
    public const string MissingInReplica = "missing";
    public const string OnlyInReplica = "extra";
    public const string Different = "different";

    /// <summary>Compares two sides' rows of the same id range, ordered by id.</summary>
    public static IEnumerable<ParityMismatch> Compare(IReadOnlyList<ParityRow> owner, IReadOnlyList<ParityRow> replica)
    {
        var theirs = replica.ToDictionary(r => r.Id);
        foreach (var row in owner)
        {
            if (!theirs.Remove(row.Id, out var copy))
            {
                yield return new ParityMismatch(row.Id, MissingInReplica, Differences(row.Fields, null));
                continue;
            }
            var differences = Differences(row.Fields, copy.Fields);
            if (differences.Count > 0)
            {
                yield return new ParityMismatch(row.Id, Different, differences);
            }
        }
        foreach (var extra in theirs.Values.OrderBy(r => r.Id))
        {
            yield return new ParityMismatch(extra.Id, OnlyInReplica, [.. extra.Fields.Select(f => new FieldDifference(f.Key, null, f.Value))]);
        }
    }

    private static List<FieldDifference> Differences(IReadOnlyDictionary<string, string> owner, IReadOnlyDictionary<string, string>? replica) =>
        owner.Keys.Union(replica?.Keys ?? []).Order(StringComparer.Ordinal)
            .Select(name => new FieldDifference(name, owner.GetValueOrDefault(name), replica?.GetValueOrDefault(name)))
            .Where(d => replica is null || d.Owner != d.Replica)
            .ToList();
}

/// <summary>A field's value on the side that owns the data and on the copy.</summary>
public sealed record FieldDifference(string Field, string? Owner, string? Replica);
