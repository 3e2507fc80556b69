using System.ComponentModel.DataAnnotations;
using Migration.Facade.Admin;
using Migration.Facade.Contracts;
using Migration.Facade.Flags;
using Migration.Facade.Hosting;

namespace Migration.Facade.Tests.Hosting;

public sealed class OptionsValidationTests
{
    private static List<ValidationResult> Validate(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Default_endpoints_are_valid()
    {
        Assert.Empty(Validate(new FacadeEndpointOptions()));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000", "different ports")]
    [InlineData("not a url", "http://127.0.0.1:5001", "Facade:PublicUrl must be an absolute http URL")]
    [InlineData("https://127.0.0.1:5000", "http://127.0.0.1:5001", "Facade:PublicUrl must be an absolute http URL")]
    [InlineData("http://127.0.0.1:5000", "ftp://127.0.0.1:5001", "Facade:ControlPlaneUrl must be an absolute http or https URL")]
    [InlineData("http://127.0.0.1:5000", "https://127.0.0.1:5001", "Facade:ControlPlaneCertificate:Path is required")]
    [InlineData("http://127.0.0.1:5000", "http://0.0.0.0:5001", "Facade:AllowPlainHttpControlPlane=true")]
    [InlineData("http://127.0.0.1:5000", "http://admin.example:5001", "Facade:AllowPlainHttpControlPlane=true")]
    [InlineData("http://127.0.0.1:0", "http://127.0.0.1:5001", "explicit, non-zero port")]
    public void Bad_endpoints_are_reported(string publicUrl, string controlPlaneUrl, string message)
    {
        var errors = Validate(new FacadeEndpointOptions { PublicUrl = publicUrl, ControlPlaneUrl = controlPlaneUrl });
        Assert.Contains(errors, e => e.ErrorMessage!.Contains(message));
    }

    [Fact]
    public void A_poll_interval_must_be_positive_and_bounded()
    {
        Assert.Empty(Validate(new FlagStoreOptions()));
        Assert.NotEmpty(Validate(new FlagStoreOptions { PollInterval = TimeSpan.Zero }));
        Assert.NotEmpty(Validate(new FlagStoreOptions { PollInterval = TimeSpan.FromMinutes(5) }));
    }

    [Theory]
    [InlineData("extracted", null, null)]
    [InlineData("extracted", 100, null)]
    [InlineData("legacy", 0, null)]
    [InlineData("shadow", null, null)]
    [InlineData("canary", 1, null)]
    [InlineData("canary", 99, null)]
    [InlineData("Extracted", null, "State")]
    [InlineData("canary", 100, "Percentage")]
    [InlineData("shadow", 20, "Percentage")]
    public void State_changes_are_validated(string state, int? percentage, string? failingField)
    {
        Assert.Equal(failingField, StateChange.Validate(new ChangeSliceStateRequest(state, percentage, "why", 1))?.Field);
    }

    [Fact]
    public void Percentages_follow_the_state()
    {
        Assert.Equal(100, StateChange.PercentageFor(new(SliceStates.Extracted, null, "r", 1)));
        Assert.Equal(25, StateChange.PercentageFor(new(SliceStates.Canary, 25, "r", 1)));
        Assert.Equal(0, StateChange.PercentageFor(new(SliceStates.Shadow, null, "r", 1)));
    }
}
