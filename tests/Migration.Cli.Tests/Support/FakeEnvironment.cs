using Migration.Cli.Infrastructure;

namespace Migration.Cli.Tests.Support;

/// <summary>An environment that exists only in the test, so tests never read the real home or variables.</summary>
internal sealed class FakeEnvironment(string? home = null) : ICliEnvironment
{
    public Dictionary<string, string> Variables { get; } = [];

    public Dictionary<string, string> Files { get; } = [];

    public string HomeDirectory { get; } = home ?? Path.Combine(Path.GetTempPath(), "strangler-tests-no-home");

    public string? GetVariable(string name) => Variables.GetValueOrDefault(name);

    public string? ReadFile(string path) => Files.GetValueOrDefault(path);
}
