using System.Text.Json;
using Migration.Cli.Tests.Support;
using Migration.Facade.Contracts;

namespace Migration.Cli.Tests.Functional;

public sealed class ProgressiveDeliveryTests
{
    private static async Task<ChangeSliceStateRequest> SentChangeAsync(FakeAdminApi api) =>
        JsonSerializer.Deserialize<ChangeSliceStateRequest>(api.Requests.Last().Body, JsonSerializerOptions.Web)!;

    [Fact]
    public async Task Shadow_canary_and_rollback_send_their_state_with_the_version_read()
    {
        await using var api = await FakeAdminApi.StartAsync();

        Assert.Equal(0, (await CliRunner.RunAsync("shadow", "catalog-read", "-r", "compare", "--url", api.Url)).ExitCode);
        Assert.Equal(new ChangeSliceStateRequest("shadow", null, "compare", 7), await SentChangeAsync(api));

        var canary = await CliRunner.RunAsync("canary", "catalog-read", "10", "--reason", "first users", "--url", api.Url);
        Assert.Equal(0, canary.ExitCode);
        Assert.Equal(new ChangeSliceStateRequest("canary", 10, "first users", 8), await SentChangeAsync(api));
        Assert.Contains("shadow → canary 10%", canary.Output);

        Assert.Equal(0, (await CliRunner.RunAsync("rollback", "catalog-read", "--url", api.Url)).ExitCode);
        Assert.Equal(new ChangeSliceStateRequest("legacy", null, "rollback", 9), await SentChangeAsync(api));
    }

    [Theory]
    [InlineData(new[] { "canary", "catalog-read", "0", "-r", "x" }, "between 1 and 99")]
    [InlineData(new[] { "canary", "catalog-read", "100", "-r", "x" }, "between 1 and 99")]
    [InlineData(new[] { "shadow", "catalog-read" }, "--reason is required")]
    [InlineData(new[] { "override", "catalog-read", "sideways", "-r", "x" }, "unknown side 'sideways'")]
    public async Task Bad_arguments_are_one_line_and_exit_2(string[] args, string message)
    {
        var result = await CliRunner.RunAsync([.. args, "--url", "http://127.0.0.1:9"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Rollback_of_an_unknown_slice_names_it_and_exits_5()
    {
        await using var api = await FakeAdminApi.StartAsync();

        var result = await CliRunner.RunAsync("rollback", "nope", "--url", api.Url);

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("nope", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Diff_shows_parity_skips_and_the_differing_paths_and_can_reset()
    {
        var state = new FakeAdminState();
        await using var api = await FakeAdminApi.StartAsync(state);

        var result = await CliRunner.RunAsync("diff", "catalog-read", "--reset", "--url", api.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("parity 97.5% — 40 compared, 39 matched, 1 differed", result.Output);
        Assert.Contains("method 10", result.Output);
        Assert.Contains("$.price", result.Output);
        Assert.Contains("10.5", result.Output);
        Assert.Equal(1, state.ShadowResets);

        var json = await CliRunner.RunAsync("diff", "catalog-read", "--json", "--url", api.Url);
        Assert.Equal(97.5, JsonSerializer.Deserialize<ShadowReportDto>(json.Output, JsonSerializerOptions.Web)!.ParityPercent);
    }

    [Fact]
    public async Task Canary_and_rollback_with_json_print_the_changed_slice()
    {
        await using var api = await FakeAdminApi.StartAsync();

        var canary = await CliRunner.RunAsync("canary", "catalog-read", "30", "-r", "more", "--json", "--url", api.Url);
        var rollback = await CliRunner.RunAsync("rollback", "catalog-read", "-r", "errors", "--json", "--url", api.Url);

        Assert.Equal((0, 0), (canary.ExitCode, rollback.ExitCode));
        var raised = JsonSerializer.Deserialize<SliceDto>(canary.Output, JsonSerializerOptions.Web)!;
        Assert.Equal(("canary", 30, 8L), (raised.State, raised.Percentage, raised.Version));
        var back = JsonSerializer.Deserialize<SliceDto>(rollback.Output, JsonSerializerOptions.Web)!;
        Assert.Equal(("legacy", 0, 9L), (back.State, back.Percentage, back.Version));
        Assert.Equal("errors", JsonSerializer.Deserialize<ChangeSliceStateRequest>(api.Requests.Last().Body, JsonSerializerOptions.Web)!.Reason);
    }

    [Fact]
    public async Task Canary_on_a_slice_someone_else_changed_is_refused_on_one_line_with_exit_6()
    {
        await using var api = await FakeAdminApi.StartAsync(new FakeAdminState { ChangeFailure = 409 });

        var result = await CliRunner.RunAsync("canary", "orders", "50", "-r", "more", "--url", api.Url);

        Assert.Equal(6, result.ExitCode);
        Assert.StartsWith("error: stale version:", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Shares_are_rounded_so_that_the_two_sides_add_up_to_100_percent()
    {
        await using var api = await FakeAdminApi.StartAsync(new FakeAdminState
        {
            Traffic = [new("orders", SliceStates.Canary, 60, new SideStatsDto(7, 0, 0, 5, 9), new SideStatsDto(1, 0, 0, 5, 9), 0.125, 0,
                new ShadowSummaryDto(0, 0, 0, 0, null))],
        });

        var result = await CliRunner.RunAsync("status", "--url", api.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("87% / 13% (8)", result.Output);
    }

    [Fact]
    public async Task Status_shows_traffic_per_side_parity_and_fallbacks()
    {
        await using var api = await FakeAdminApi.StartAsync();

        var result = await CliRunner.RunAsync("status", "--url", api.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Traffic, last 60 s", result.Output);
        Assert.Contains("75% / 25% (400)", result.Output);
        Assert.Contains("1.0% / 0.0%", result.Output);
        Assert.Contains("12.5 / 8", result.Output);
        Assert.Contains("97.5% of 40 (below minimum)", result.Output);
        // One row per slice: state, share, errors and p95 per side, parity ("–" before any comparison), fallbacks.
        var orders = Assert.Single(result.Output.Split('\n'), line => line.Contains("75% / 25% (400)"));
        Assert.Matches(@"orders\s+│\s+canary\s+│\s+75% / 25% \(400\)\s+│\s+1\.0% / 0\.0%\s+│\s+12\.5 / 8\s+│\s+–\s+│\s+2\s+│", orders);
        var catalog = Assert.Single(result.Output.Split('\n'), line => line.Contains("catalog-read") && line.Contains("97.5%"));
        Assert.Matches(@"catalog-read\s+│\s+shadow\s+│\s+100% / 0% \(50\)\s+│\s+0\.0% / –\s+│\s+5 / –", catalog);

        var json = await CliRunner.RunAsync("status", "--json", "--url", api.Url);
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal(2, document.RootElement.GetProperty("traffic").GetArrayLength());
        var first = document.RootElement.GetProperty("traffic")[0];
        Assert.Equal(("orders", "canary", 2), (first.GetProperty("slice").GetString(), first.GetProperty("state").GetString(),
            first.GetProperty("fallbacks").GetInt32()));
        Assert.Equal(12.5, first.GetProperty("legacy").GetProperty("p95Ms").GetDouble());
        Assert.Equal(3, document.RootElement.GetProperty("slicesTotal").GetInt32());
    }
}
