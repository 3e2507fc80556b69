using Migration.Messaging.Parity;

namespace Migration.Messaging.Tests.Parity;

public sealed class ParityDigestTests
{
    private static ParityRow Row(int id, string name = "n", string price = "100") =>
        new(id, new Dictionary<string, string> { ["name"] = name, ["priceCents"] = price });

    private static Task<ParityDigest> DigestAsync(IEnumerable<ParityRow> rows, int bucketSize = 10) =>
        ParityDigest.BuildAsync(rows.ToAsyncEnumerable(), bucketSize, CancellationToken.None);

    [Fact]
    public async Task Rows_fall_into_fixed_id_ranges_and_empty_ranges_are_left_out()
    {
        var digest = await DigestAsync([Row(1), Row(2), Row(10), Row(11), Row(35)]);

        Assert.Equal(5, digest.Count);
        Assert.Equal([(1, 10, 3), (11, 20, 1), (31, 40, 1)], digest.Buckets.Select(b => (b.From, b.To, b.Count)));
    }

    [Fact]
    public async Task The_same_rows_hash_the_same_whatever_order_their_fields_come_in()
    {
        var a = await DigestAsync([Row(1, "Kite", "250")]);
        var b = await DigestAsync([new ParityRow(1, new Dictionary<string, string> { ["priceCents"] = "250", ["name"] = "Kite" })]);

        Assert.Equal(a.Buckets[0].Hash, b.Buckets[0].Hash);
    }

    [Fact]
    public async Task Only_ranges_whose_count_or_hash_differ_are_named_including_ranges_only_one_side_has()
    {
        var owner = await DigestAsync([Row(1), Row(2), Row(15), Row(25)]);
        var replica = await DigestAsync([Row(1), Row(2, price: "999"), Row(15), Row(45)]);

        Assert.Equal([(1, 10), (21, 30), (41, 50)], ParityDigest.DifferingRanges(owner, replica));
        Assert.Empty(ParityDigest.DifferingRanges(owner, owner));
    }

    [Fact]
    public void A_separator_inside_a_value_cannot_make_two_different_rows_hash_alike()
    {
        var one = ParityDigest.RowHash(new ParityRow(1, new Dictionary<string, string> { ["a"] = "x|b=y" }));
        var two = ParityDigest.RowHash(new ParityRow(1, new Dictionary<string, string> { ["a"] = "x", ["b"] = "y" }));

        Assert.NotEqual(one, two);
    }

    [Fact]
    public void Mismatches_name_missing_extra_and_different_records_with_both_values()
    {
        var mismatches = ParityMismatch.Compare([Row(1), Row(2, "Ball"), Row(3)], [Row(1), Row(2, "Bell"), Row(4)]).ToList();

        Assert.Equal([(2, ParityMismatch.Different), (3, ParityMismatch.MissingInReplica), (4, ParityMismatch.OnlyInReplica)],
            mismatches.Select(m => (m.Id, m.Kind)).Order());
        Assert.Equal(new FieldDifference("name", "Ball", "Bell"), Assert.Single(mismatches.Single(m => m.Id == 2).Fields));
        Assert.All(mismatches.Single(m => m.Id == 3).Fields, f => Assert.Null(f.Replica));
        Assert.All(mismatches.Single(m => m.Id == 4).Fields, f => Assert.Null(f.Owner));
    }
}
