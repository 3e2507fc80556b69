using System.Text.Json;
using Migration.Cli.Infrastructure;
using Migration.Cli.Tests.Support;
using Migration.Facade.Contracts;

namespace Migration.Cli.Tests.Functional;

/// <summary><c>strangler diff</c>: the shadow report of one slice, and its reset.</summary>
public sealed class DiffTests
{
    [Fact]
    public async Task Every_differing_field_is_listed_with_its_request_path_and_both_values()
    {
        var state = new FakeAdminState
        {
            Shadow = new("catalog-read", 3, 1, 2, 0, 33.33, new Dictionary<string, long> { ["queue-full"] = 4, ["timeout"] = 1 },
            [
                new(FakeAdminState.Changed, "GET", "/api/products?page=2", [new("body", "$.items[3].price", "10.5", "11"), new("header", "X-Total-Count", "40", null)]),
                new(FakeAdminState.Changed, "GET", "/api/categories", [new("status", "status", "200", "500")]),
            ]),
        };
        await using var api = await FakeAdminApi.StartAsync(state);

        var result = await CliRunner.RunAsync("diff", "catalog-read", "--url", api.Url);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("parity 33.33% — 3 compared, 1 matched, 2 differed", result.Output);
        Assert.Contains("skipped: queue-full 4, timeout 1", result.Output);
        foreach (var shown in new[] { "/api/products?page=2", "$.items[3].price", "10.5", "11", "X-Total-Count", "(absent)", "/api/categories", "500" })
        {
            Assert.Contains(shown, result.Output);
        }
        Assert.Equal(0, state.ShadowResets);
    }

    [Fact]
    public async Task A_slice_without_comparisons_shows_no_parity_and_json_keeps_the_null()
    {
        var state = new FakeAdminState { Shadow = new("catalog-read", 0, 0, 0, 0, null, new Dictionary<string, long>(), []) };
        await using var api = await FakeAdminApi.StartAsync(state);

        var text = await CliRunner.RunAsync("diff", "catalog-read", "--url", api.Url);
        var json = await CliRunner.RunAsync("diff", "catalog-read", "--json", "--url", api.Url);

        Assert.Equal((ExitCodes.Ok, ExitCodes.Ok), (text.ExitCode, json.ExitCode));
        Assert.Contains("parity – — 0 compared", text.Output);
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("parityPercent").ValueKind);
        Assert.Equal(0, document.RootElement.GetProperty("samples").GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_slice_is_one_line_on_stderr_and_exit_5()
    {
        await using var api = await FakeAdminApi.StartAsync();

        var result = await CliRunner.RunAsync("diff", "payments", "--url", api.Url);

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains("payments", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task A_viewer_reads_the_report_but_may_not_reset_it()
    {
        var state = new FakeAdminState { RequiredToken = "op", ViewerToken = "viewer" };
        await using var api = await FakeAdminApi.StartAsync(state);

        var read = await CliRunner.RunAsync("diff", "catalog-read", "--url", api.Url, "--token", "viewer");
        var reset = await CliRunner.RunAsync("diff", "catalog-read", "--reset", "--url", api.Url, "--token", "viewer");

        Assert.Equal(ExitCodes.Ok, read.ExitCode);
        Assert.Equal(ExitCodes.NotAuthorized, reset.ExitCode);
        Assert.Equal("error: not allowed: the viewer role cannot reset shadow reports", Assert.Single(reset.ErrorLines));
        Assert.Equal(0, state.ShadowResets);
    }

    [Fact]
    public async Task An_operator_reset_sends_the_delete_after_reading_the_report()
    {
        var state = new FakeAdminState();
        await using var api = await FakeAdminApi.StartAsync(state);

        var result = await CliRunner.RunAsync("diff", "catalog-read", "--reset", "--json", "--url", api.Url);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(40, JsonSerializer.Deserialize<ShadowReportDto>(result.Output, JsonSerializerOptions.Web)!.Compared);
        Assert.Equal(["GET /admin/slices/catalog-read/diff", "DELETE /admin/slices/catalog-read/diff"],
            api.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
        Assert.Equal(1, state.ShadowResets);
    }
}
