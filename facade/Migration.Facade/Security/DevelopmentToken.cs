using System.Buffers.Text;
using System.Security.Cryptography;

namespace Migration.Facade.Security;

/// <summary>The operator token generated for a Development run and the file it was written to.</summary>
internal sealed record DevelopmentToken(string FilePath)
{
    public const string Name = "development";

    /// <summary>
    /// In Development with no tokens configured, makes a random operator token, writes it to the token file
    /// (owner read/write only) and adds its hash to configuration. Returns null when nothing was generated.
    /// </summary>
    public static DevelopmentToken? CreateIfNeeded(WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(ControlPlaneOptions.Section);
        if (!builder.Environment.IsDevelopment() || section.GetSection("Tokens").GetChildren().Any())
        {
            return null;
        }
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var path = ControlPlaneOptions.ExpandHome(section["TokenFile"] ?? new ControlPlaneOptions().TokenFile);
        path = Path.GetFullPath(path, builder.Environment.ContentRootPath);
        Write(path, token);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{ControlPlaneOptions.Section}:Tokens:0:Name"] = Name,
            [$"{ControlPlaneOptions.Section}:Tokens:0:Role"] = ControlPlaneRoles.Operator,
            [$"{ControlPlaneOptions.Section}:Tokens:0:Sha256"] = TokenHasher.HashHex(token),
        });
        return new DevelopmentToken(path);
    }

    private static void Write(string path, string token)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            if (File.Exists(path))
            {
                // An older file may have looser permissions; tighten them before the new secret goes in.
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(token);
    }
}

/// <summary>
/// Says where the generated token is once the host starts, so whoever runs the facade can use it. Never the token
/// itself: logs travel further than a file readable by its owner only.
/// </summary>
internal sealed class DevelopmentTokenAnnouncer(DevelopmentToken token, ILogger<DevelopmentTokenAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogWarning(
            "Development control-plane operator token written to {TokenFile} (the strangler CLI reads it from there). Configure ControlPlane:Tokens outside Development.",
            token.FilePath);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
