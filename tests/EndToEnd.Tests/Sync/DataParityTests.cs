using EndToEnd.Tests.Delivery;

namespace EndToEnd.Tests.Sync;

[Collection(DataSystemCollection.Name)]
public sealed class DataParityTests(DataSystem system)
{
    [Fact]
    public Task A_backfill_during_writes_verifies_clean_a_planted_mismatch_is_named_and_blocks_the_flip_until_repaired() =>
        SyncScenarios.DataParityAsync(system);
}
