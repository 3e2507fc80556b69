using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Security;

public sealed class TokenSetupTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Outside_Development_the_facade_refuses_to_start_without_tokens(string environment)
    {
        await using var bed = await TestBed.StartAsync();
        var settings = bed.Settings(withTokens: false);
        settings["ControlPlane:TokenFile"] = bed.Folder.File("token");
        await using var app = FacadeHost.Build(settings, environment, out _, out _);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains($"ControlPlane:Tokens is empty in environment '{environment}'", error.Message);
        Assert.False(File.Exists(bed.Folder.File("token")));
    }

    [Fact]
    public async Task Development_without_tokens_writes_a_working_operator_token_to_a_private_file()
    {
        await using var bed = await TestBed.StartAsync();
        var settings = bed.Settings(withTokens: false);
        var tokenFile = bed.Folder.File("home/.strangler/token");
        settings["ControlPlane:TokenFile"] = tokenFile;

        var logs = new CapturedLogs();
        await using var facade = await FacadeHost.StartAsync(settings, "Development", services => services.AddSingleton<ILoggerProvider>(logs));

        var token = (await File.ReadAllTextAsync(tokenFile)).Trim();
        Assert.True(token.Length >= 40, "the token should carry at least 256 bits");
        // The log says where the token is, never the token: logs travel further than an owner-only file.
        Assert.Contains(logs.Messages, m => m.Contains(tokenFile, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Messages, m => m.Contains(token, StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokenFile));
        }
        using var flip = new HttpRequestMessage(HttpMethod.Put, "/admin/slices/catalog-read/state")
        {
            Content = JsonContent.Create(new { state = "extracted", reason = "dev", expectedVersion = 1 }),
        };
        flip.Headers.Authorization = new("Bearer", token);
        var response = await facade.Anonymous.SendAsync(flip);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"updatedBy\":\"development\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Development_with_configured_tokens_generates_none()
    {
        await using var bed = await TestBed.StartAsync();
        var settings = bed.Settings();
        settings["ControlPlane:TokenFile"] = bed.Folder.File("token");

        await using var facade = await FacadeHost.StartAsync(settings, "Development");

        Assert.False(File.Exists(bed.Folder.File("token")));
        Assert.Equal(HttpStatusCode.OK, (await facade.Operator.GetAsync("/admin/slices")).StatusCode);
    }
}
