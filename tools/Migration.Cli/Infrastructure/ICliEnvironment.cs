namespace Migration.Cli.Infrastructure;

/// <summary>Process environment seen through a seam, so precedence rules are testable in parallel.</summary>
internal interface ICliEnvironment
{
    string? GetVariable(string name);

    /// <summary>The file's text, or null when it does not exist or cannot be read.</summary>
    string? ReadFile(string path);

    string HomeDirectory { get; }
}

internal sealed class ProcessEnvironment : ICliEnvironment
{
    public string? GetVariable(string name) => Environment.GetEnvironmentVariable(name);

    public string? ReadFile(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public string HomeDirectory => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}
