using Migration.Facade.Contracts;
using Migration.Facade.Flags;
using Migration.Facade.Routing;

namespace Migration.Facade.Tests.Canary;

/// <summary>
/// The canary allocation as two independent facade instances evaluate it on the request path
/// (<see cref="SliceDecision.GoesToExtracted"/>, held to FeatureManagement's answer by UniformStateDecisionTests) for
/// 10,000 synthetic users.
/// </summary>
public sealed class CanaryStickinessTests
{
    private static readonly string[] Users = Enumerable.Range(0, 10_000).Select(i => $"visitor:{i:x8}").ToArray();

    private sealed class Instance
    {
        private readonly SliceSnapshotHolder _snapshots = new();

        public void Canary(int percentage) => _snapshots.Publish(new SliceSnapshot(
            [new SliceState("catalog-read", SliceStates.Canary, percentage, 2, DateTimeOffset.UnixEpoch, "t")]));

        public HashSet<string> Extracted() =>
            Users.Where(user => SliceDecision.GoesToExtracted(_snapshots.Current.States["catalog-read"], user)).ToHashSet();
    }

    [Fact]
    public void Ten_percent_sends_ten_percent_of_users_and_each_stays_on_its_side_on_every_instance()
    {
        var (one, two) = (new Instance(), new Instance());
        one.Canary(10);
        two.Canary(10);

        var first = one.Extracted();
        Assert.InRange(first.Count / (double)Users.Length, 0.085, 0.115);
        for (var request = 1; request < 20; request++)
        {
            Assert.Equal(first, (request % 2 == 0 ? one : two).Extracted());
        }
    }

    [Fact]
    public void Raising_moves_nobody_back_and_lowering_moves_users_back()
    {
        var facade = new Instance();
        facade.Canary(10);
        var atTen = facade.Extracted();

        facade.Canary(30);
        var atThirty = facade.Extracted();
        Assert.Subset(atThirty, atTen);
        Assert.InRange(atThirty.Count / (double)Users.Length, 0.285, 0.315);

        facade.Canary(5);
        var atFive = facade.Extracted();
        Assert.Subset(atTen, atFive);
        Assert.True(atFive.Count < atTen.Count);
    }
}
