using Migration.Facade.Routing;
using Yarp.ReverseProxy.Model;

namespace Migration.Facade.Tests.Routing;

public sealed class SliceDecisionTests
{
    private static ClusterState Cluster(string id, int destinations, int available)
    {
        var all = Enumerable.Range(0, destinations).Select(i => new DestinationState($"d{i}")).ToArray();
        return new ClusterState(id) { DestinationsState = new ClusterDestinationsState(all, all.Take(available).ToArray()) };
    }

    [Fact]
    public void Extracted_with_an_available_destination_moves_to_the_slice_cluster()
    {
        var catalog = Cluster("catalog", 2, 1);

        Assert.Same(catalog, SliceDecision.PickCluster(true, catalog));
    }

    [Fact]
    public void Legacy_stays_on_the_route_cluster()
    {
        Assert.Null(SliceDecision.PickCluster(false, Cluster("catalog", 1, 1)));
    }

    [Fact]
    public void A_slice_without_a_target_cluster_stays_on_legacy()
    {
        Assert.Null(SliceDecision.PickCluster(true, null));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(3, 0)]
    public void A_cluster_without_available_destinations_stays_on_legacy(int destinations, int available)
    {
        Assert.Null(SliceDecision.PickCluster(true, Cluster("catalog", destinations, available)));
    }

    [Fact]
    public void A_cluster_whose_destinations_are_not_resolved_yet_stays_on_legacy()
    {
        Assert.Null(SliceDecision.PickCluster(true, new ClusterState("catalog")));
    }
}
