using Migration.Facade.Transparency;

namespace Migration.Facade.Tests.Transparency;

public sealed class AbsoluteUrlsTests
{
    [Theory]
    [InlineData("http://10.0.0.5:5100/orders/7", "https://shop.example/orders/7")]
    [InlineData("<http://10.0.0.5:5100/a?page=1>; rel=\"first\", <HTTP://10.0.0.5:5100/a?page=2>; rel=\"next\"",
        "<https://shop.example/a?page=1>; rel=\"first\", <https://shop.example/a?page=2>; rel=\"next\"")]
    [InlineData("5; url=http://10.0.0.5:5100", "5; url=https://shop.example")]
    // Another port or host that merely starts the same stays as it is.
    [InlineData("http://10.0.0.5:51000/x", "http://10.0.0.5:51000/x")]
    [InlineData("http://10.0.0.5:5100.evil.example/x", "http://10.0.0.5:5100.evil.example/x")]
    [InlineData("/relative/stays", "/relative/stays")]
    public void Only_urls_that_start_with_the_destination_are_rewritten(string value, string expected) =>
        Assert.Equal(expected, AbsoluteUrls.Rewrite(value, "http://10.0.0.5:5100", "https://shop.example"));

    [Fact]
    public void The_prefixes_are_the_destination_its_sent_host_and_the_public_host_over_the_internal_scheme()
    {
        var destination = new Yarp.ReverseProxy.Model.DestinationModel(new Yarp.ReverseProxy.Configuration.DestinationConfig
        {
            Address = "http://10.0.0.5:5100/", Host = "legacy",
        });

        Assert.Equal(["http://10.0.0.5:5100", "http://legacy", "http://shop.example"],
            AbsoluteUrls.InternalPrefixes(destination, "https", "shop.example"));
    }

    [Fact]
    public void A_destination_with_a_path_maps_that_path_to_the_public_root_first()
    {
        var destination = new Yarp.ReverseProxy.Model.DestinationModel(new Yarp.ReverseProxy.Configuration.DestinationConfig
        {
            Address = "http://10.0.0.5:5100/legacy/",
        });
        var prefixes = AbsoluteUrls.InternalPrefixes(destination, "http", "shop.example").ToList();

        Assert.Equal(["http://10.0.0.5:5100/legacy", "http://10.0.0.5:5100"], prefixes);
        var value = prefixes.Aggregate("http://10.0.0.5:5100/legacy/orders/7", (v, p) => AbsoluteUrls.Rewrite(v, p, "http://shop.example"));
        Assert.Equal("http://shop.example/orders/7", value);
    }
}
