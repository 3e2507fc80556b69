using Migration.Cli.Commands;

namespace Migration.Cli.Tests.Unit;

public sealed class FlipSettingsTests
{
    [Theory]
    [InlineData("legacy", null)]
    [InlineData("shadow", null)]
    [InlineData("extracted", null)]
    [InlineData("canary", 1)]
    [InlineData("canary", 99)]
    [InlineData("Canary", 50)]
    public void Accepts_valid_combinations(string state, int? percentage)
    {
        var settings = new FlipSettings { Slice = "catalog-read", State = state, Reason = "why", Percentage = percentage };

        Assert.True(settings.Validate().Successful);
    }

    [Theory]
    [InlineData("retired", null, "why", "unknown state 'retired'; use one of legacy, shadow, canary, extracted")]
    [InlineData("", null, "why", "unknown state ''")]
    [InlineData("legacy", null, null, "--reason is required")]
    [InlineData("legacy", null, "   ", "--reason is required")]
    [InlineData("canary", null, "why", "canary needs --percentage between 1 and 99")]
    [InlineData("canary", 0, "why", "canary needs --percentage between 1 and 99")]
    [InlineData("canary", 100, "why", "canary needs --percentage between 1 and 99")]
    [InlineData("extracted", 50, "why", "--percentage only applies to canary, not to extracted")]
    public void Rejects_invalid_combinations(string state, int? percentage, string? reason, string expected)
    {
        var settings = new FlipSettings { Slice = "catalog-read", State = state, Reason = reason, Percentage = percentage };

        var result = settings.Validate();

        Assert.False(result.Successful);
        Assert.StartsWith(expected, result.Message);
    }

    [Fact]
    public void State_is_sent_in_lower_case()
    {
        Assert.Equal("extracted", new FlipSettings { State = " Extracted " }.NormalizedState);
    }
}
