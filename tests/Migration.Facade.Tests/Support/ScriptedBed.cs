using Microsoft.Extensions.DependencyInjection;

namespace Migration.Facade.Tests.Support;

/// <summary>
/// A facade between two scripted backends, with an extra slice <c>orders-write</c> (POST /api/orders) to the
/// catalog backend so tests can see what happens to non-idempotent requests.
/// </summary>
internal sealed class ScriptedBed : IAsyncDisposable
{
    private ScriptedBed(ScriptedBackend legacy, ScriptedBackend extracted, FacadeHost facade, TempFolder folder)
    {
        Legacy = legacy;
        Extracted = extracted;
        Facade = facade;
        Folder = folder;
    }

    public ScriptedBackend Legacy { get; }
    public ScriptedBackend Extracted { get; }
    public FacadeHost Facade { get; }
    public TempFolder Folder { get; }

    public static async Task<ScriptedBed> StartAsync(
        Func<HttpContext, Task> legacy, Func<HttpContext, Task> extracted, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var folder = new TempFolder();
        var legacyBackend = await ScriptedBackend.StartAsync(legacy);
        var extractedBackend = await ScriptedBackend.StartAsync(extracted);
        var all = FacadeHost.Settings(folder.File("flags.db"), legacyBackend.Url, extractedBackend.Url);
        // The shipped configuration has this route in slice orders; the bed puts it in a slice of its own.
        all["ReverseProxy:Routes:orders-place:ClusterId"] = "legacy";
        all["ReverseProxy:Routes:orders-place:Match:Path"] = "/api/orders";
        all["ReverseProxy:Routes:orders-place:Match:Methods:0"] = "POST";
        all["ReverseProxy:Routes:orders-place:Metadata:Slice"] = "orders-write";
        all["ReverseProxy:Routes:orders-place:Metadata:SliceCluster"] = "catalog";
        // A loaded test machine must not turn a mirror into a timeout; the timeout test sets its own.
        all["Slices:catalog-read:Shadow:Timeout"] = "00:00:30";
        all["Slices:orders-write:Shadow:Timeout"] = "00:00:30";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var facade = await FacadeHost.StartAsync(all, services: services);
        return new ScriptedBed(legacyBackend, extractedBackend, facade, folder);
    }

    public async ValueTask DisposeAsync()
    {
        await Facade.DisposeAsync();
        await Legacy.DisposeAsync();
        await Extracted.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Folder.Dispose();
    }
}
