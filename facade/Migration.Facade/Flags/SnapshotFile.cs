using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Migration.Facade.Flags;

/// <summary>
/// The last good slice states, kept on disk (<c>FlagStore:SnapshotFile</c>) so a facade that starts while the store is
/// unreadable serves users as they were served, not all on legacy. Tester overrides are not kept: they wait for the store.
/// </summary>
internal sealed class SnapshotFile(IOptions<FlagStoreOptions> options, IHostEnvironment environment, ILogger<SnapshotFile> logger)
{
    private readonly string _path = Path.GetFullPath(options.Value.SnapshotFile, environment.ContentRootPath);

    public void Save(SliceSnapshot snapshot)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            var temporary = $"{_path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(snapshot.States.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToList()));
            // Replaced whole: a facade that dies mid-write leaves the previous file, never half of one.
            File.Move(temporary, _path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "The last good snapshot could not be kept at {Path}", _path);
        }
    }

    /// <summary>The kept states, or null when there are none (or they cannot be read).</summary>
    public IReadOnlyList<SliceState>? TryLoad()
    {
        try
        {
            return File.Exists(_path) ? JsonSerializer.Deserialize<List<SliceState>>(File.ReadAllText(_path)) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            logger.LogWarning(ex, "The last good snapshot at {Path} could not be read", _path);
            return null;
        }
    }
}
