using System.Text.Json;
using Migration.Cli.Tests.Support;
using Migration.Facade.Contracts;

namespace Migration.Cli.Tests.Functional;

public sealed class FlipTests
{
    [Fact]
    public async Task Flip_sends_the_version_it_read_the_reason_and_the_token()
    {
        await using var api = await FakeAdminApi.StartAsync(new FakeAdminState { RequiredToken = "op" });

        var result = await CliRunner.RunAsync(
            "flip", "orders", "Canary", "--percentage", "40", "--reason", "more users", "--url", api.Url, "--token", "op");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        var requests = api.Requests.ToArray();
        Assert.Equal(["GET /admin/slices/orders", "PUT /admin/slices/orders/state"], requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
        Assert.All(requests, r => Assert.Equal("Bearer op", r.Authorization));
        var sent = JsonSerializer.Deserialize<ChangeSliceStateRequest>(requests[1].Body, JsonSerializerOptions.Web);
        Assert.Equal(new ChangeSliceStateRequest("canary", 40, "more users", 3), sent);
        Assert.Contains("\"expectedVersion\"", requests[1].Body);
        Assert.Contains("canary 25% → canary 40%", result.Output);
        Assert.Contains("version 4", result.Output);
    }

    [Fact]
    public async Task Flip_json_prints_the_new_slice()
    {
        await using var api = await FakeAdminApi.StartAsync();

        var result = await CliRunner.RunAsync(
            "flip", "catalog-read", "extracted", "--reason", "parity reached", "--json", "--url", api.Url);

        Assert.Equal(0, result.ExitCode);
        var slice = JsonSerializer.Deserialize<SliceDto>(result.Output, JsonSerializerOptions.Web);
        Assert.Equal(("catalog-read", "extracted", 8L), (slice!.Name, slice.State, slice.Version));
    }

    [Fact]
    public async Task Token_from_environment_is_used_when_no_option_is_given()
    {
        await using var api = await FakeAdminApi.StartAsync(new FakeAdminState { RequiredToken = "env-token" });
        var environment = new FakeEnvironment();
        environment.Variables["STRANGLER_URL"] = api.Url;
        environment.Variables["STRANGLER_TOKEN"] = "env-token";

        var result = await CliRunner.RunAsync(environment, "flip", "catalog-read", "shadow", "--reason", "compare");

        Assert.Equal(0, result.ExitCode);
        Assert.All(api.Requests, r => Assert.Equal("Bearer env-token", r.Authorization));
    }
}
