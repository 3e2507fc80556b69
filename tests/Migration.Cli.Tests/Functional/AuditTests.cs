using System.Text.Json;
using Migration.Cli.Tests.Support;
using Migration.Facade.Contracts;

namespace Migration.Cli.Tests.Functional;

public sealed class AuditTests
{
    [Fact]
    public async Task Audit_lists_entries_with_from_and_to()
    {
        await using var api = await FakeAdminApi.StartAsync();

        var result = await CliRunner.RunAsync("audit", "--url", api.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("shadow → canary 25%", result.Output);
        Assert.Contains("canary 50% → extracted", result.Output);
        Assert.Contains("forced first customers", result.Output);
        Assert.DoesNotContain("forced parity", result.Output);
        Assert.True(result.Output.IndexOf("first customers", StringComparison.Ordinal)
                    < result.Output.IndexOf("parity 100%", StringComparison.Ordinal), "newest first, as the API answered");
        Assert.Equal("/admin/audit", Assert.Single(api.Requests).PathAndQuery);
    }

    [Fact]
    public async Task Audit_passes_slice_and_limit_and_prints_json()
    {
        await using var api = await FakeAdminApi.StartAsync();

        var result = await CliRunner.RunAsync("audit", "--slice", "orders", "--limit", "5", "--json", "--url", api.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("/admin/audit?slice=orders&limit=5", Assert.Single(api.Requests).PathAndQuery);
        var entries = JsonSerializer.Deserialize<AuditEntryDto[]>(result.Output, JsonSerializerOptions.Web);
        Assert.Equal("first customers", Assert.Single(entries!).Reason);
    }
}
