using Migration.Facade.Contracts;
using Migration.Facade.Flags;
using Migration.Facade.Routing;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Routing;

/// <summary>
/// The request path's decision (no FeatureManagement objects, a canary hashed in place) gives FeatureManagement's own
/// answer for every state and user, so moving it off FeatureManagement moved no user to the other side.
/// </summary>
public sealed class UniformStateDecisionTests
{
    [Theory]
    [InlineData(SliceStates.Legacy, 0, 200)]
    [InlineData(SliceStates.Shadow, 0, 200)]
    [InlineData(SliceStates.Extracted, 100, 200)]
    [InlineData(SliceStates.Canary, 1, 5000)]
    [InlineData(SliceStates.Canary, 10, 5000)]
    [InlineData(SliceStates.Canary, 40, 5000)]
    [InlineData(SliceStates.Canary, 50, 5000)]
    [InlineData(SliceStates.Canary, 99, 5000)]
    [InlineData(SliceStates.Canary, 100, 200)]
    public async Task The_request_path_agrees_with_FeatureManagement(string state, int percentage, int users)
    {
        var snapshots = new SliceSnapshotHolder();
        var slice = new SliceState("catalog-read", state, percentage, 2, DateTimeOffset.UnixEpoch, "t");
        snapshots.Publish(new SliceSnapshot([slice]));
        var featureManagement = DecisionStack.Build(snapshots);

        var inCanary = 0;
        for (var i = 0; i < users; i++)
        {
            // The shapes CanaryIdentity gives, plus non-ASCII: the hash is over UTF-8.
            var user = (i % 3) switch { 0 => $"user:{i}", 1 => $"visitor:{Guid.NewGuid():N}", _ => $"user:é{i}ü" };
            var expected = await featureManagement.FeatureManagementSendsToExtractedAsync("catalog-read", user);
            Assert.Equal(expected, SliceDecision.GoesToExtracted(slice, user));
            if (expected) inCanary++;
        }
        if (state == SliceStates.Canary && percentage is > 0 and < 100)
        {
            // Not a test of the hash's spread, only that both sides really split the users (no all-true / all-false agreement).
            Assert.InRange(inCanary, 1, users - 1);
        }
    }

    [Fact]
    public void A_slice_with_no_state_in_the_snapshot_stays_on_legacy() =>
        Assert.False(SliceDecision.GoesToExtracted(null, "user:1"));

    [Fact]
    public async Task User_ids_longer_than_the_stack_buffer_get_FeatureManagement_s_answer_too()
    {
        var snapshots = new SliceSnapshotHolder();
        var slice = new SliceState("catalog-read", SliceStates.Canary, 50, 2, DateTimeOffset.UnixEpoch, "t");
        snapshots.Publish(new SliceSnapshot([slice]));
        var featureManagement = DecisionStack.Build(snapshots);

        for (var i = 0; i < 50; i++)
        {
            var user = $"visitor:{i}:" + new string('ü', 300 + i);   // over 512 bytes of UTF-8: the rented buffer
            Assert.Equal(await featureManagement.FeatureManagementSendsToExtractedAsync("catalog-read", user),
                SliceDecision.GoesToExtracted(slice, user));
        }
    }
}
