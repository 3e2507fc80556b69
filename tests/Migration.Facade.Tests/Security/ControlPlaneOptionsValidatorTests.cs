using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Migration.Facade.Security;

namespace Migration.Facade.Tests.Security;

public sealed class ControlPlaneOptionsValidatorTests
{
    private sealed class Env(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "test";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static readonly ControlPlaneToken Good = new() { Name = "ops", Role = "operator", Sha256 = TokenHasher.HashHex("t") };

    [Fact]
    public void No_tokens_fails_outside_Development_with_a_precise_message()
    {
        var result = new ControlPlaneOptionsValidator(new Env("Production")).Validate(null, new ControlPlaneOptions());

        Assert.True(result.Failed);
        Assert.Contains("ControlPlane:Tokens is empty in environment 'Production'", result.FailureMessage);
    }

    [Fact]
    public void No_tokens_is_fine_in_Development()
    {
        Assert.True(new ControlPlaneOptionsValidator(new Env("Development")).Validate(null, new ControlPlaneOptions()).Succeeded);
    }

    [Fact]
    public void Well_formed_tokens_pass()
    {
        var options = new ControlPlaneOptions { Tokens = [Good, Good with { Name = "view", Role = "viewer" }] };
        Assert.True(new ControlPlaneOptionsValidator(new Env("Production")).Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("", "operator", true, "Tokens:0:Name is required")]
    [InlineData("ops", "admin", true, "Tokens:0:Role must be 'viewer' or 'operator'")]
    [InlineData("ops", "operator", false, "Tokens:0:Sha256 must be 64 hexadecimal characters")]
    public void Malformed_tokens_fail(string name, string role, bool goodHash, string message)
    {
        var token = new ControlPlaneToken { Name = name, Role = role, Sha256 = goodHash ? Good.Sha256 : "secret-in-plain-text" };
        var result = new ControlPlaneOptionsValidator(new Env("Development")).Validate(null, new ControlPlaneOptions { Tokens = [token] });

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage);
    }
}
