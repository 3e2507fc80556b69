using System.Net;
using System.Net.Sockets;
using Migration.Cli.Infrastructure;
using Migration.Cli.Tests.Support;

namespace Migration.Cli.Tests.Functional;

/// <summary>Every failure is one line on stderr, a distinct exit code, and nothing that looks like a stack trace.</summary>
public sealed class ErrorTests
{
    [Fact]
    public async Task Unreachable_control_plane()
    {
        var url = $"http://127.0.0.1:{ClosedPort()}";

        var result = await CliRunner.RunAsync("status", "--url", url);

        AssertFailure(result, ExitCodes.Unreachable, $"error: cannot reach the control plane at {url}: connection refused");
    }

    [Fact]
    public async Task Missing_token()
    {
        await using var api = await FakeAdminApi.StartAsync(new FakeAdminState { RequiredToken = "op" });

        var result = await CliRunner.RunAsync("status", "--url", api.Url);

        AssertFailure(result, ExitCodes.NotAuthorized,
            "error: not authenticated: no token was sent; pass --token or set STRANGLER_TOKEN");
    }

    [Fact]
    public async Task Wrong_token()
    {
        await using var api = await FakeAdminApi.StartAsync(new FakeAdminState { RequiredToken = "op" });

        var result = await CliRunner.RunAsync("audit", "--url", api.Url, "--token", "guess");

        AssertFailure(result, ExitCodes.NotAuthorized,
            "error: not authenticated: the bearer token is missing or invalid; pass --token or set STRANGLER_TOKEN");
    }

    [Fact]
    public async Task Viewer_token_cannot_flip()
    {
        await using var api = await FakeAdminApi.StartAsync(new FakeAdminState { RequiredToken = "op", ViewerToken = "viewer" });

        var result = await CliRunner.RunAsync("flip", "orders", "legacy", "--reason", "x", "--url", api.Url, "--token", "viewer");

        AssertFailure(result, ExitCodes.NotAuthorized, "error: not allowed: the viewer role cannot change slices");
    }

    [Fact]
    public async Task Unknown_slice()
    {
        await using var api = await FakeAdminApi.StartAsync();

        var result = await CliRunner.RunAsync("flip", "payments", "shadow", "--reason", "x", "--url", api.Url);

        AssertFailure(result, ExitCodes.NotFound, "error: there is no slice named 'payments'");
        Assert.DoesNotContain(api.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task Unknown_slice_without_problem_body_is_named_by_the_cli()
    {
        await using var api = await FakeAdminApi.StartAsync(new FakeAdminState { PlainNotFound = true });

        var result = await CliRunner.RunAsync("flip", "payments", "shadow", "--reason", "x", "--url", api.Url);

        AssertFailure(result, ExitCodes.NotFound, "error: unknown slice 'payments'");
    }

    [Fact]
    public async Task Stale_version()
    {
        await using var api = await FakeAdminApi.StartAsync(new FakeAdminState { ChangeFailure = 409 });

        var result = await CliRunner.RunAsync("flip", "orders", "legacy", "--reason", "x", "--url", api.Url);

        AssertFailure(result, ExitCodes.Refused, "error: stale version: slice 'orders' is at version 4, not 3; someone else changed it");
        Assert.Contains("re-run", result.Error);
    }

    [Fact]
    public async Task Invalid_state_refused_by_the_control_plane_stays_on_one_line()
    {
        await using var api = await FakeAdminApi.StartAsync(new FakeAdminState { ChangeFailure = 400 });

        var result = await CliRunner.RunAsync("flip", "orders", "legacy", "--reason", "x", "--url", api.Url);

        AssertFailure(result, ExitCodes.Refused, "error: refused: the change was rejected by policy");
    }

    [Fact]
    public async Task Not_found_without_problem_body_uses_the_status()
    {
        await using var api = await FakeAdminApi.StartAsync();

        var result = await CliRunner.RunAsync("status", "--url", api.Url + "/nothing-here");

        AssertFailure(result, ExitCodes.NotFound, "error: not found: 404 Not Found");
    }

    private static void AssertFailure(CliResult result, int exitCode, string expectedStart)
    {
        Assert.Equal(exitCode, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith(expectedStart, line);
        Assert.DoesNotContain("Exception", result.Error);
        Assert.Empty(result.Output.Trim());
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
