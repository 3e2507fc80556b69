using Microsoft.Extensions.Options;
using Migration.Facade.Flags;
using Migration.Facade.Shadow;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Shadow;

public sealed class ShadowOptionsTests
{
    // The validator also checks that configured slices exist in the routes.
    private static readonly Migration.Facade.Flags.SliceCatalog CatalogRead = new([new Yarp.ReverseProxy.Configuration.RouteConfig
    {
        RouteId = "catalog-products",
        ClusterId = "legacy",
        Match = new() { Path = "/api/products" },
        Metadata = new Dictionary<string, string> { ["Slice"] = "catalog-read", ["SliceCluster"] = "catalog" },
    }]);

    private static SliceSettingsOptions Bind(string key, string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"Slices:catalog-read:Shadow:{key}"] = value }).Build();
        var options = new SliceSettingsOptions();
        configuration.GetSection(SliceSettingsOptions.Section).Bind(options);
        return options;
    }

    [Theory]
    [InlineData("IgnoredJsonPaths:0", "items[*].updatedAt", "Slices:catalog-read:Shadow:IgnoredJsonPaths: 'items[*].updatedAt' must start with '$'.")]
    [InlineData("MirrorMethods:0", "PO ST", "Slices:catalog-read:Shadow:MirrorMethods: 'PO ST' is not an HTTP method.")]
    [InlineData("ComparedHeaders:0", "X-Total: Count", "Slices:catalog-read:Shadow:ComparedHeaders: 'X-Total: Count' is not a header name.")]
    [InlineData("IgnoredHeaders:0", "", "Slices:catalog-read:Shadow:IgnoredHeaders: '' is not a header name.")]
    [InlineData("Timeout", "00:05:00", "Slices:catalog-read:Shadow:Timeout: The field Timeout must be between")]
    [InlineData("MaxRequestBodyBytes", "-1", "Slices:catalog-read:Shadow:MaxRequestBodyBytes: The field MaxRequestBodyBytes must be between")]
    [InlineData("MaxResponseBodyBytes", "0", "Slices:catalog-read:Shadow:MaxResponseBodyBytes: The field MaxResponseBodyBytes must be between")]
    [InlineData("MinParityPercent", "101", "Slices:catalog-read:Shadow:MinParityPercent: The field MinParityPercent must be between")]
    public void A_bad_slice_setting_is_reported_with_its_full_key(string key, string value, string message)
    {
        var result = new SliceSettingsValidator(CatalogRead).Validate(null, Bind(key, value));

        Assert.Contains(result.Failures ?? [], f => f.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Configured_lists_are_added_to_the_defaults_and_valid_settings_pass()
    {
        var options = Bind("MirrorMethods:0", "POST");

        Assert.True(new SliceSettingsValidator(CatalogRead).Validate(null, options).Succeeded);
        Assert.Equal(["GET", "HEAD", "POST"], options.For("catalog-read").Shadow!.MirrorMethods);
    }

    [Theory]
    [InlineData("Shadow:QueueCapacity", "0", "QueueCapacity")]
    [InlineData("Shadow:Workers", "100", "Workers")]
    [InlineData("Shadow:SampleCount", "0", "SampleCount")]
    [InlineData("Slices:catalog-read:Shadow:IgnoredJsonPaths:0", "updatedAt", "Slices:catalog-read:Shadow:IgnoredJsonPaths")]
    public async Task The_facade_refuses_to_start_with_a_bad_shadow_setting(string key, string value, string named)
    {
        await using var bed = await TestBed.StartAsync();
        var settings = bed.Settings();
        settings[key] = value;

        // The proxy pipeline resolves the mirror queue while the app is built, so a bad queue setting stops it
        // there; slice settings are checked when it starts. Either way it never serves.
        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = FacadeHost.Build(settings, "Testing", out _, out _);
            await app.StartAsync();
        });

        Assert.Contains(named, error.Message);
    }
}
