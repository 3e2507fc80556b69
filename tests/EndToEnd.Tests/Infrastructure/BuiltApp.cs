namespace EndToEnd.Tests.Infrastructure;

/// <summary>Finds a product project's build output next to this test assembly's configuration.</summary>
internal static class BuiltApp
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Dll(string projectFolder, string assemblyName)
    {
        // This assembly lives in tests/EndToEnd.Tests/bin/<Configuration>/<tfm>/.
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var path = Path.Combine(RepositoryRoot, projectFolder, "bin", configuration, tfm, assemblyName + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {projectFolder} first: {path} is missing.");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Migration.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Migration.sln not found above " + AppContext.BaseDirectory);
    }
}
