using Microsoft.Data.Sqlite;

namespace Migration.Tests.Shared;

/// <summary>A folder of its own per test (or class), so SQLite files and token files never collide between parallel tests.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("strangler-tests-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        // Pooled connections keep the files open until the pools are cleared.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file still held open by a background thread stays in the temp folder.
        }
    }
}
