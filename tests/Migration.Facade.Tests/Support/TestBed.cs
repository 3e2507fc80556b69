namespace Migration.Facade.Tests.Support;

/// <summary>Legacy and catalog stubs plus a private folder: what each functional test starts from.</summary>
internal sealed class TestBed : IAsyncDisposable
{
    private TestBed(StubBackend legacy, StubBackend catalog)
    {
        Legacy = legacy;
        Catalog = catalog;
    }

    public StubBackend Legacy { get; }
    public StubBackend Catalog { get; }
    public TempFolder Folder { get; } = new();
    public string Database => Folder.File("flags.db");

    public static async Task<TestBed> StartAsync() =>
        new(await StubBackend.StartAsync("legacy"), await StubBackend.StartAsync("catalog"));

    public Dictionary<string, string?> Settings(bool withTokens = true) =>
        FacadeHost.Settings(Database, Legacy.Url, Catalog.Url, withTokens);

    public Task<FacadeHost> StartFacadeAsync(Action<Dictionary<string, string?>>? tweak = null)
    {
        var settings = Settings();
        tweak?.Invoke(settings);
        return FacadeHost.StartAsync(settings);
    }

    public async ValueTask DisposeAsync()
    {
        await Legacy.DisposeAsync();
        await Catalog.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Folder.Dispose();
    }
}
