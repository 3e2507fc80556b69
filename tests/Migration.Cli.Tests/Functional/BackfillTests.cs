using System.Text.Json;
using Migration.Cli.Infrastructure;
using Migration.Cli.Tests.Support;
using Migration.Facade.Contracts;

namespace Migration.Cli.Tests.Functional;

public sealed class BackfillTests
{
    [Fact]
    public async Task Backfill_polls_until_completed()
    {
        await using var api = await FakeAdminApi.StartAsync();

        var result = await CliRunner.RunAsync("data", "backfill", "catalog", "--url", api.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        Assert.Equal(
            ["POST /admin/backfills/catalog", "GET /admin/backfills/catalog", "GET /admin/backfills/catalog", "GET /admin/backfills/catalog"],
            api.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
        Assert.Contains("catalog: backfill completed, 30/30 items, 3/3 pages", result.Output);
    }

    [Fact]
    public async Task Backfill_json_prints_the_final_progress()
    {
        await using var api = await FakeAdminApi.StartAsync();

        var result = await CliRunner.RunAsync("data", "backfill", "catalog", "--json", "--url", api.Url);

        Assert.Equal(0, result.ExitCode);
        var progress = JsonSerializer.Deserialize<BackfillProgressDto>(result.Output, JsonSerializerOptions.Web);
        Assert.Equal((BackfillProgressDto.Completed, 30), (progress!.Status, progress.ItemsCopied));
    }

    [Fact]
    public async Task Backfill_no_wait_returns_after_starting()
    {
        await using var api = await FakeAdminApi.StartAsync();

        var result = await CliRunner.RunAsync("data", "backfill", "catalog", "--no-wait", "--url", api.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("POST", Assert.Single(api.Requests).Method);
        Assert.Contains("catalog: backfill running", result.Output);
    }

    [Fact]
    public async Task Failed_backfill_exits_1_with_the_error()
    {
        await using var api = await FakeAdminApi.StartAsync();

        var result = await CliRunner.RunAsync("data", "backfill", "broken", "--url", api.Url);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Equal("error: backfill of 'broken' failed: legacy database is locked", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Unknown_service()
    {
        await using var api = await FakeAdminApi.StartAsync();

        var result = await CliRunner.RunAsync("data", "backfill", "payments", "--url", api.Url);

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Equal("error: no extracted service named 'payments'", Assert.Single(result.ErrorLines));
    }
}
