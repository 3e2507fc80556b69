using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Migration.Facade.Contracts;
using Migration.Facade.Hosting;
using Migration.Facade.Security;

namespace Migration.Facade.Tests.Support;

/// <summary>The real facade (FacadeApp) on two free loopback ports, with its own SQLite file.</summary>
internal sealed class FacadeHost : IAsyncDisposable
{
    public const string OperatorToken = "operator-secret-token";
    public const string ViewerToken = "viewer-secret-token";

    private readonly FacadeHosts _app;

    private FacadeHost(FacadeHosts app, int publicPort, int controlPort)
    {
        _app = app;
        Public = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{publicPort}") };
        Anonymous = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{controlPort}") };
        Operator = WithToken(controlPort, OperatorToken);
        Viewer = WithToken(controlPort, ViewerToken);
    }

    public HttpClient Public { get; }
    public HttpClient Anonymous { get; }
    public HttpClient Operator { get; }
    public HttpClient Viewer { get; }
    /// <summary>The control plane's services (the owner of what both hosts share).</summary>
    public IServiceProvider Services => _app.Services;

    public IServiceProvider DataPlaneServices => _app.DataPlane.Services;

    /// <summary>Settings every test host gets: the two tokens, the stub backends, quiet logs.</summary>
    public static Dictionary<string, string?> Settings(string databasePath, string legacyUrl, string catalogUrl, bool withTokens = true)
    {
        var settings = new Dictionary<string, string?>
        {
            ["FlagStore:ConnectionString"] = $"Data Source={databasePath}",
            // Each host keeps its last good snapshot beside its own store, not in the shared content root.
            ["FlagStore:SnapshotFile"] = Path.ChangeExtension(databasePath, ".snapshot.json"),
            ["FlagStore:PollInterval"] = "00:00:00.100",
            ["Services:legacy:http:0"] = legacyUrl,
            ["Services:catalog:http:0"] = catalogUrl,
            ["Logging:LogLevel:Default"] = "Warning",
            // The stub backends hold no copied data; DataGateTests turns the gate on.
            ["Data:Gate"] = "false",
        };
        if (withTokens)
        {
            settings["ControlPlane:Tokens:0:Name"] = "alice";
            settings["ControlPlane:Tokens:0:Role"] = "operator";
            settings["ControlPlane:Tokens:0:Sha256"] = TokenHasher.HashHex(OperatorToken);
            settings["ControlPlane:Tokens:1:Name"] = "victor";
            settings["ControlPlane:Tokens:1:Role"] = "viewer";
            settings["ControlPlane:Tokens:1:Sha256"] = TokenHasher.HashHex(ViewerToken);
        }
        return settings;
    }

    public static FacadeHosts Build(IDictionary<string, string?> settings, string environment, out int publicPort, out int controlPort,
        Action<IServiceCollection>? services = null, string controlPlaneScheme = "http")
    {
        publicPort = Loopback.FreePort();
        controlPort = Loopback.FreePort();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ApplicationName = typeof(FacadeApp).Assembly.GetName().Name,
            ContentRootPath = Path.Combine(AppContext.BaseDirectory, "facade"),
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Facade:PublicUrl"] = $"http://127.0.0.1:{publicPort}",
            ["Facade:ControlPlaneUrl"] = $"{controlPlaneScheme}://127.0.0.1:{controlPort}",
            // A facade that issues service tokens listens on the bus: its own port, so hosts run side by side.
            ["Messaging:Ports:facade"] = Loopback.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        // Registered before the facade's own services, so a test's TimeProvider wins over the facade's TryAdd.
        services?.Invoke(builder.Services);
        return FacadeApp.Build(builder);
    }

    public static async Task<FacadeHost> StartAsync(
        IDictionary<string, string?> settings, string environment = "Testing", Action<IServiceCollection>? services = null,
        string controlPlaneScheme = "http")
    {
        var app = Build(settings, environment, out var publicPort, out var controlPort, services, controlPlaneScheme);
        await app.StartAsync();
        return new FacadeHost(app, publicPort, controlPort);
    }

    public async Task<SliceDto> GetSliceAsync(string name) =>
        (await Operator.GetFromJsonAsync<SliceDto>($"/admin/slices/{name}"))!;

    public async Task<HttpResponseMessage> FlipAsync(string slice, string state, string reason = "test", long? expectedVersion = null)
    {
        var version = expectedVersion ?? (await GetSliceAsync(slice)).Version;
        return await Operator.PutAsJsonAsync($"/admin/slices/{slice}/state",
            new ChangeSliceStateRequest(state, null, reason, version));
    }

    private static HttpClient WithToken(int port, string token)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Public.Dispose();
        Anonymous.Dispose();
        Operator.Dispose();
        Viewer.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
