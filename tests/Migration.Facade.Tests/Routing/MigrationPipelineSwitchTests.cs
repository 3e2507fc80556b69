using Migration.Facade.Contracts;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Routing;

public sealed class MigrationPipelineSwitchTests
{
    [Fact]
    public async Task Without_the_pipeline_every_route_stays_on_its_own_cluster_whatever_the_flag()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("\"legacy\""), ScriptedBackend.Json("\"extracted\""),
            new Dictionary<string, string?> { ["Facade:MigrationPipeline"] = "false" });
        await bed.Facade.FlipAsync("catalog-read", SliceStates.Extracted);

        Assert.Equal("\"legacy\"", await bed.Facade.Public.GetStringAsync("/api/categories"));
        Assert.Empty(bed.Extracted.Seen);
    }
}
