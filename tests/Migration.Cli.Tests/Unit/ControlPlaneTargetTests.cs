using Migration.Cli.Infrastructure;
using Migration.Cli.Tests.Support;

namespace Migration.Cli.Tests.Unit;

public sealed class ControlPlaneTargetTests
{
    private readonly FakeEnvironment _environment = new(home: Path.Combine("/home", "architect"));

    [Fact]
    public void Url_defaults_to_the_local_control_plane()
    {
        var target = ControlPlaneTarget.Resolve(null, null, _environment);

        Assert.Equal(new Uri("http://127.0.0.1:5001"), target.Url);
    }

    [Fact]
    public void Url_option_wins_over_the_environment()
    {
        _environment.Variables["STRANGLER_URL"] = "http://env:1";

        Assert.Equal(new Uri("http://option:2"), ControlPlaneTarget.Resolve("http://option:2", null, _environment).Url);
        Assert.Equal(new Uri("http://env:1"), ControlPlaneTarget.Resolve(null, null, _environment).Url);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://host/")]
    [InlineData("127.0.0.1:5001")]
    public void Url_must_be_absolute_http(string url)
    {
        var error = Assert.Throws<CliException>(() => ControlPlaneTarget.Resolve(url, null, _environment));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Contains(url, error.Message);
    }

    [Fact]
    public void Token_option_wins_over_environment_and_file()
    {
        _environment.Variables["STRANGLER_TOKEN"] = "from-env";
        _environment.Files[DefaultTokenFile] = "from-file";

        Assert.Equal("from-option", ControlPlaneTarget.Resolve(null, "from-option", _environment).Token);
    }

    [Fact]
    public void Token_environment_wins_over_file()
    {
        _environment.Variables["STRANGLER_TOKEN"] = "from-env";
        _environment.Files[DefaultTokenFile] = "from-file";

        Assert.Equal("from-env", ControlPlaneTarget.Resolve(null, null, _environment).Token);
    }

    [Fact]
    public void Token_falls_back_to_the_default_file_trimmed()
    {
        _environment.Files[DefaultTokenFile] = "\n  dev-operator-token  \r\n";

        Assert.Equal("dev-operator-token", ControlPlaneTarget.Resolve(null, null, _environment).Token);
    }

    [Fact]
    public void Token_file_location_comes_from_STRANGLER_TOKEN_FILE()
    {
        _environment.Variables["STRANGLER_TOKEN_FILE"] = "/run/secrets/strangler";
        _environment.Files["/run/secrets/strangler"] = "secret";
        _environment.Files[DefaultTokenFile] = "ignored";

        Assert.Equal("secret", ControlPlaneTarget.Resolve(null, null, _environment).Token);
    }

    [Fact]
    public void No_token_anywhere_means_none_is_sent()
    {
        _environment.Variables["STRANGLER_TOKEN"] = "  ";

        Assert.Null(ControlPlaneTarget.Resolve(null, null, _environment).Token);
    }

    private string DefaultTokenFile => Path.Combine(_environment.HomeDirectory, ".strangler", "token");
}
