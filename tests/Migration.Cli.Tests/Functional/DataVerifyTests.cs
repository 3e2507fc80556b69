using System.Text.Json;
using Migration.Cli.Infrastructure;
using Migration.Cli.Tests.Support;
using Migration.Facade.Contracts;

namespace Migration.Cli.Tests.Functional;

public sealed class DataVerifyTests
{
    private static readonly VerifyReportDto WithMismatches = new("catalog", FakeAdminState.Changed, "tester", 1000, 999, 10, 2, 2000, 2,
    [
        new MismatchDto(217, MismatchDto.Different, [new FieldValuesDto("priceCents", "1234", "999")]),
        new MismatchDto(5, MismatchDto.Missing, [new FieldValuesDto("name", "Kite", null)]),
    ], 950);

    [Fact]
    public async Task A_clean_verify_prints_the_counts_and_exits_0()
    {
        await using var api = await FakeAdminApi.StartAsync();

        var result = await CliRunner.RunAsync("data", "verify", "catalog", "--url", api.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["POST /admin/data/catalog/verify"], api.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
        Assert.Contains("catalog: 1000 records in the monolith, 1000 in the service; 0 of 10 id ranges differ, 0 rows fetched, 0 mismatches (812 ms)", result.Output);
    }

    [Fact]
    public async Task Every_mismatch_is_listed_with_its_id_and_both_values_and_the_exit_code_is_7()
    {
        await using var api = await FakeAdminApi.StartAsync();
        api.State.VerifyReport = WithMismatches;

        var result = await CliRunner.RunAsync("data", "verify", "catalog", "--url", api.Url);

        Assert.Equal(ExitCodes.Mismatches, result.ExitCode);
        Assert.Matches(@"217\s*│\s*different\s*│\s*priceCents\s*│\s*1234\s*│\s*999", result.Output);
        Assert.Matches(@"5\s*│\s*missing\s*│\s*name\s*│\s*Kite\s*│\s*–", result.Output);
        Assert.Equal(["error: data verify of 'catalog' found 2 mismatching records"], result.ErrorLines);
    }

    [Fact]
    public async Task Json_prints_the_whole_report_and_still_exits_7()
    {
        await using var api = await FakeAdminApi.StartAsync();
        api.State.VerifyReport = WithMismatches;

        var result = await CliRunner.RunAsync("data", "verify", "catalog", "--json", "--url", api.Url);

        Assert.Equal(ExitCodes.Mismatches, result.ExitCode);
        var report = JsonSerializer.Deserialize<VerifyReportDto>(result.Output, JsonSerializerOptions.Web)!;
        Assert.Equal([217, 5], report.Records.Select(r => r.Id));
    }

    [Fact]
    public async Task An_unknown_data_set_is_exit_5_and_a_viewer_exit_4()
    {
        await using var api = await FakeAdminApi.StartAsync();
        api.State.ViewerToken = "viewer";

        var unknown = await CliRunner.RunAsync("data", "verify", "nope", "--url", api.Url);
        var viewer = await CliRunner.RunAsync("data", "verify", "catalog", "--url", api.Url, "--token", "viewer");

        Assert.Equal((ExitCodes.NotFound, ExitCodes.NotAuthorized), (unknown.ExitCode, viewer.ExitCode));
        Assert.Single(unknown.ErrorLines);
        Assert.Contains("data set 'nope'", unknown.Error);
    }

    [Fact]
    public async Task A_flip_the_data_gate_refuses_is_exit_6_with_the_reason_and_force_sends_it_anyway()
    {
        await using var api = await FakeAdminApi.StartAsync();
        api.State.GateRefusal = "No data verify of 'catalog' ran since its last backfill.";

        var refused = await CliRunner.RunAsync("flip", "catalog-read", "extracted", "--reason", "go", "--url", api.Url);
        var forced = await CliRunner.RunAsync("canary", "catalog-read", "10", "--reason", "accepted risk", "--force", "--url", api.Url);

        Assert.Equal(ExitCodes.Refused, refused.ExitCode);
        Assert.Equal("error: refused: No data verify of 'catalog' ran since its last backfill", Assert.Single(refused.ErrorLines));
        Assert.Equal(0, forced.ExitCode);
        var sent = JsonSerializer.Deserialize<ChangeSliceStateRequest>(api.Requests.Last().Body, JsonSerializerOptions.Web)!;
        Assert.True(sent.Force);
    }

    [Fact]
    public async Task Status_shows_each_services_lag_backfill_and_last_verify()
    {
        await using var api = await FakeAdminApi.StartAsync();

        var result = await CliRunner.RunAsync("status", "--url", api.Url);
        var json = await CliRunner.RunAsync("status", "--json", "--url", api.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"catalog\s*│\s*0\.4 s\s*│\s*completed 2026-03-04 05:06:07Z\s*│\s*clean 2026-03-04 05:08:07Z", result.Output);
        Assert.Contains("\"lagSeconds\": 0.4", json.Output);
    }
}
