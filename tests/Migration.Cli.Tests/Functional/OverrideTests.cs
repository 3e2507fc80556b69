using System.Text.Json;
using Migration.Cli.Tests.Support;
using Migration.Facade.Contracts;

namespace Migration.Cli.Tests.Functional;

/// <summary><c>strangler override</c>: asks the control plane for a tester value and prints the header to send.</summary>
public sealed class OverrideTests
{
    [Fact]
    public async Task Override_prints_the_header_to_send()
    {
        await using var api = await FakeAdminApi.StartAsync();

        var result = await CliRunner.RunAsync("override", "catalog-read", "extracted", "-r", "qa", "-m", "15", "--url", api.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("X-Migration-Side: sealed-pass-value", result.Output.Split('\n').Select(l => l.Trim()));
        Assert.Contains("pass id 3f9c2a1b4d5e6f70", result.Output);
        var sent = JsonSerializer.Deserialize<IssueSideOverrideRequest>(api.Requests.Last().Body, JsonSerializerOptions.Web);
        Assert.Equal(new IssueSideOverrideRequest("extracted", "qa", 15), sent);
    }

    [Fact]
    public async Task Override_json_prints_the_value_and_its_expiry_and_leaves_the_validity_to_the_facade()
    {
        await using var api = await FakeAdminApi.StartAsync();

        var result = await CliRunner.RunAsync("override", "catalog-read", "legacy", "--reason", "compare", "--json", "--url", api.Url);

        Assert.Equal(0, result.ExitCode);
        var pass = JsonSerializer.Deserialize<SideOverrideDto>(result.Output, JsonSerializerOptions.Web)!;
        Assert.Equal(("catalog-read", "legacy", "sealed-pass-value"), (pass.Slice, pass.Side, pass.Value));
        Assert.Equal(FakeAdminState.Changed.AddMinutes(60), pass.ExpiresAt);
        Assert.Contains("\"validForMinutes\":null", api.Requests.Last().Body);
    }

    [Fact]
    public async Task Override_with_a_viewer_token_exits_4_on_one_line()
    {
        await using var api = await FakeAdminApi.StartAsync(new FakeAdminState { RequiredToken = "op", ViewerToken = "viewer" });

        var result = await CliRunner.RunAsync("override", "catalog-read", "extracted", "-r", "qa", "--url", api.Url, "--token", "viewer");

        Assert.Equal(4, result.ExitCode);
        Assert.Equal("error: not allowed: the viewer role cannot issue overrides", Assert.Single(result.ErrorLines).Trim());
    }

    [Fact]
    public async Task Override_of_an_unknown_slice_exits_5()
    {
        await using var api = await FakeAdminApi.StartAsync(new FakeAdminState { PlainNotFound = true });

        var result = await CliRunner.RunAsync("override", "payments", "extracted", "-r", "qa", "--url", api.Url);

        Assert.Equal(5, result.ExitCode);
        Assert.Equal("error: unknown slice 'payments'", Assert.Single(result.ErrorLines).Trim());
    }

    [Fact]
    public async Task Override_longer_than_the_facade_allows_is_refused_with_exit_6()
    {
        await using var api = await FakeAdminApi.StartAsync();

        var result = await CliRunner.RunAsync("override", "catalog-read", "extracted", "-r", "qa", "-m", "5000", "--url", api.Url);

        Assert.Equal(6, result.ExitCode);
        Assert.Contains("between 1 and 1440", Assert.Single(result.ErrorLines));
    }

    [Theory]
    [InlineData(new[] { "override", "catalog-read", "extracted" }, "--reason is required")]
    [InlineData(new[] { "override", "catalog-read", "extracted", "-r", "qa", "-m", "0" }, "--minutes must be at least 1")]
    public async Task Bad_arguments_exit_2_before_calling_the_control_plane(string[] args, string message)
    {
        var result = await CliRunner.RunAsync([.. args, "--url", "http://127.0.0.1:9"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Revoke_ends_a_pass_by_its_id_with_a_reason()
    {
        await using var api = await FakeAdminApi.StartAsync();

        var result = await CliRunner.RunAsync("revoke", "catalog-read", "3f9c2a1b4d5e6f70", "-r", "shared too widely", "--url", api.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("catalog-read: extracted pass 3f9c2a1b4d5e6f70 of alice revoked", result.Output);
        Assert.Equal(new RevokeSideOverrideRequest("shared too widely"),
            JsonSerializer.Deserialize<RevokeSideOverrideRequest>(api.Requests.Last().Body, JsonSerializerOptions.Web));
    }

    [Fact]
    public async Task Revoking_an_unknown_pass_exits_5_on_one_line()
    {
        await using var api = await FakeAdminApi.StartAsync();

        var result = await CliRunner.RunAsync("revoke", "catalog-read", "0000000000000000", "-r", "x", "--url", api.Url);

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("has no unexpired override '0000000000000000'", Assert.Single(result.ErrorLines));
    }
}
