using System.Text.Json;
using Migration.Cli.Tests.Support;
using Migration.Facade.Contracts;

namespace Migration.Cli.Tests.Functional;

public sealed class StatusTests
{
    [Fact]
    public async Task Status_shows_progress_and_every_slice()
    {
        await using var api = await FakeAdminApi.StartAsync();

        var result = await CliRunner.RunAsync("status", "--url", api.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        Assert.Contains("1/3 extracted (33%)", result.Output);
        Assert.Contains("1/6 extracted (17%)", result.Output);
        Assert.Contains("canary 25%", result.Output);
        Assert.Contains("2026-03-04 05:06:07Z by carol", result.Output);
        foreach (var slice in api.State.Slices.Keys)
        {
            Assert.Contains(slice, result.Output);
        }
    }

    [Fact]
    public async Task Status_json_is_the_progress_dto()
    {
        await using var api = await FakeAdminApi.StartAsync();

        var result = await CliRunner.RunAsync("status", "--json", "--url", api.Url);

        Assert.Equal(0, result.ExitCode);
        var progress = JsonSerializer.Deserialize<ProgressDto>(result.Output, JsonSerializerOptions.Web);
        Assert.NotNull(progress);
        Assert.Equal((3, 1, 6, 1), (progress.SlicesTotal, progress.SlicesExtracted, progress.RoutesTotal, progress.RoutesExtracted));
        Assert.Equal(api.State.Progress.Slices.Select(s => s.Name), progress.Slices.Select(s => s.Name));
        Assert.Contains("\"slicesExtracted\"", result.Output);
    }

    [Fact]
    public async Task Token_from_the_token_file_is_sent_as_bearer()
    {
        await using var api = await FakeAdminApi.StartAsync(new FakeAdminState { RequiredToken = "file-token" });
        var environment = new FakeEnvironment();
        environment.Variables["STRANGLER_URL"] = api.Url;
        environment.Files[Path.Combine(environment.HomeDirectory, ".strangler", "token")] = "file-token\n";

        var result = await CliRunner.RunAsync(environment, "status");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["/admin/progress", "/admin/traffic", "/admin/data/catalog", "/admin/data/orders"], api.Requests.Select(r => r.PathAndQuery));
        Assert.All(api.Requests, r => Assert.Equal("Bearer file-token", r.Authorization));
    }
}
