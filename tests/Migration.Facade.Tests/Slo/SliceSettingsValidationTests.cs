using Migration.Facade.Fallback;
using Migration.Facade.Flags;
using Migration.Facade.Slo;
using Migration.Facade.Tests.Support;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Configuration;

namespace Migration.Facade.Tests.Slo;

/// <summary>Bad <c>Slices:&lt;name&gt;</c> settings stop the facade at start with the exact key and what is wrong.</summary>
public sealed class SliceSettingsValidationTests
{
    private static readonly SliceCatalog Catalog = new([
        new RouteConfig
        {
            RouteId = "products", ClusterId = "legacy", Match = new RouteMatch { Path = "/api/products" },
            Metadata = new Dictionary<string, string> { ["Slice"] = "catalog-read", ["SliceCluster"] = "catalog" },
        },
    ]);

    private static IReadOnlyList<string> Failures(string slice, SliceSettings settings)
    {
        var options = new SliceSettingsOptions { [slice] = settings };
        return new SliceSettingsValidator(Catalog).Validate(null, options).Failures?.ToList() ?? [];
    }

    [Fact]
    public void Sound_settings_pass()
    {
        Assert.Empty(Failures("catalog-read", new SliceSettings
        {
            Slo = new SloOptions { MaxErrorRate = 0.05, MaxP95Ms = 200, MaxP99RelativeToLegacy = 3, Window = TimeSpan.FromSeconds(30) },
            Fallback = new FallbackOptions { Timeout = TimeSpan.FromSeconds(2) },
        }));
    }

    [Theory]
    [InlineData("MaxErrorRate", "Slices:catalog-read:Slo:MaxErrorRate: The field MaxErrorRate must be between 0 and 1.")]
    [InlineData("Window", "Slices:catalog-read:Slo:Window: The field Window must be between 00:00:01 and 00:05:00.")]
    [InlineData("MinRequests", "Slices:catalog-read:Slo:MinRequests: The field MinRequests must be between 1 and 2147483647.")]
    [InlineData("Relative", "Slices:catalog-read:Slo:MaxP95RelativeToLegacy: The field MaxP95RelativeToLegacy must be between 1 and 1000.")]
    [InlineData("Timeout", "Slices:catalog-read:Fallback:Timeout: The field Timeout must be between 00:00:00.010 and 00:10:00.")]
    public void Each_bad_value_is_named_by_its_key(string which, string message)
    {
        var settings = which switch
        {
            "MaxErrorRate" => new SliceSettings { Slo = new SloOptions { MaxErrorRate = 1.5 } },
            "Window" => new SliceSettings { Slo = new SloOptions { Window = TimeSpan.FromMinutes(10) } },
            "MinRequests" => new SliceSettings { Slo = new SloOptions { MinRequests = 0 } },
            "Relative" => new SliceSettings { Slo = new SloOptions { MaxP95RelativeToLegacy = 0.5 } },
            _ => new SliceSettings { Fallback = new FallbackOptions { Timeout = TimeSpan.Zero } },
        };

        Assert.Equal(message, Assert.Single(Failures("catalog-read", settings)));
    }

    [Fact]
    public void A_slice_no_route_declares_is_refused_so_a_misspelt_name_cannot_drop_an_SLO()
    {
        var failure = Assert.Single(Failures("catalog-raed", new SliceSettings { Slo = new SloOptions { MaxErrorRate = 0.05 } }));

        Assert.StartsWith("Slices:catalog-raed: no route names this slice", failure);
        Assert.EndsWith("known slices: catalog-read", failure);
    }

    [Fact]
    public async Task The_facade_refuses_to_start_with_a_bad_value()
    {
        using var folder = new TempFolder();
        var settings = FacadeHost.Settings(folder.File("flags.db"), "http://127.0.0.1:9", "http://127.0.0.1:9");
        settings["Slices:catalog-read:Slo:MaxErrorRate"] = "2";
        await using var app = FacadeHost.Build(settings, "Testing", out _, out _);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Slices:catalog-read:Slo:MaxErrorRate: The field MaxErrorRate must be between 0 and 1.", error.Message);
    }
}
