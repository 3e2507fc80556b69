using Migration.Facade.Flags;
using Yarp.ReverseProxy.Configuration;

namespace Migration.Facade.Tests.Flags;

public sealed class SliceCatalogTests
{
    private static RouteConfig Route(string id, string path, string? slice = null, string? cluster = null, params string[] methods) => new()
    {
        RouteId = id,
        ClusterId = "legacy",
        Match = new RouteMatch { Path = path, Methods = methods.Length == 0 ? null : methods },
        Metadata = slice is null ? null : new Dictionary<string, string> { ["Slice"] = slice, ["SliceCluster"] = cluster ?? "" },
    };

    [Fact]
    public void Slices_group_their_routes_and_name_their_target_cluster()
    {
        var catalog = new SliceCatalog([
            Route("all", "{**catch-all}"),
            Route("p", "/api/products", "catalog-read", "catalog", "GET", "HEAD"),
            Route("c", "/api/categories", "catalog-read", "catalog"),
            Route("o", "/api/orders", "orders", "orders", "POST"),
        ]);

        Assert.Equal(["catalog-read", "orders"], catalog.Slices.Keys.Order());
        Assert.Equal(["/api/categories", "GET,HEAD /api/products"], catalog.Slices["catalog-read"].Routes);
        Assert.Equal("catalog", catalog.Slices["catalog-read"].TargetCluster);
        Assert.Equal(3, catalog.RouteCount);
    }
}
