using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Migration.Facade.Contracts;
using Migration.Tests.Shared;

namespace EndToEnd.Tests.Infrastructure;

/// <summary>
/// The whole reference migration as real processes on free loopback ports: the monolith, Catalog.Service
/// and the facade (Production environment, tokens from configuration), each with its own SQLite file.
/// Subclasses add facade settings (SLOs, shadow rules) for tests that need their own system.
/// </summary>
public partial class MigrationSystem : IAsyncLifetime
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("strangler-e2e-").FullName;
    private readonly List<AppProcess> _apps = [];
    private Task? _backfill;
    private AppProcess? _catalog;
    private AppProcess? _orders;
    private AppProcess? _legacy;

    public string OperatorToken { get; } = "op-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    public string ViewerToken { get; } = "view-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    public string LegacyUrl { get; } = $"http://127.0.0.1:{TestPorts.Next()}";
    public string CatalogUrl { get; } = $"http://127.0.0.1:{TestPorts.Next()}";
    public string OrdersUrl { get; } = $"http://127.0.0.1:{TestPorts.Next()}";
    public string PublicUrl { get; } = $"http://127.0.0.1:{TestPorts.Next()}";
    public string ControlPlaneUrl { get; } = $"http://127.0.0.1:{TestPorts.Next()}";

    /// <summary>Catalog.Service's inbox on the embedded transport.</summary>
    public int CatalogInboxPort { get; } = TestPorts.Next();

    private static readonly ECDsa SigningKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>The facade's signing key (id <c>e2e</c>): tests sign expired or replayed tokens with it.</summary>
    internal static ECDsa FacadeSigningKey => SigningKey;
    private readonly string _signingKey = Convert.ToBase64String(SigningKey.ExportPkcs8PrivateKey());

    /// <summary>The public half of the facade's signing key, as Orders.Service is given it (Identity:Keys).</summary>
    public string SigningPublicKey { get; } = Convert.ToBase64String(SigningKey.ExportSubjectPublicKeyInfo());

    /// <summary>The other inboxes on the embedded transport: each system has its own, so systems run side by side.</summary>
    private readonly (int Monolith, int Orders, int Facade) _inboxPorts = (TestPorts.Next(), TestPorts.Next(), TestPorts.Next());

    /// <summary>
    /// How long a host may take to turn healthy. A full CI run starts several systems at once on two cores beside the other
    /// test assemblies; a monolith seeding its store on PostgreSQL was not healthy within 90 s. Start-up speed is not what these
    /// tests judge, and a healthy host stops the wait at once.
    /// </summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    public virtual async Task InitializeAsync()
    {
        var legacy = _legacy = StartLegacy();
        var catalog = _catalog = StartCatalog();
        var orders = _orders = StartOrders();
        var facade = Start("facade", "facade/Migration.Facade", "Migration.Facade", null, FacadeArguments(PublicUrl, ControlPlaneUrl));

        await Task.WhenAll(
            legacy.WaitHealthyAsync(LegacyUrl + "/health", StartTimeout),
            catalog.WaitHealthyAsync(CatalogUrl + "/health", StartTimeout),
            orders.WaitHealthyAsync(OrdersUrl + "/health", StartTimeout),
            facade.WaitHealthyAsync(ControlPlaneUrl + "/health", StartTimeout));
    }

    /// <summary>The monolith's data-protection key ring (it signs the store's sign-in cookies).</summary>
    public virtual string LegacyKeyRing => Path.Combine(_dataDir, "keys");

    /// <summary>Catalog.Service's own database file.</summary>
    public string CatalogDatabase => Path.Combine(_dataDir, "catalog.db");

    /// <summary>Appended to Catalog.Service's connection string, e.g. <c>;Pooling=False</c>.</summary>
    protected virtual string CatalogConnectionOptions => "";

    /// <summary>Where the monolith keeps its data (a SQLite file of this system's own by default).</summary>
    protected virtual IEnumerable<string> LegacyDatabaseArguments => [$"--ConnectionStrings:Store=Data Source={LegacyDatabase}"];

    protected virtual IEnumerable<string> CatalogDatabaseArguments =>
        [$"--ConnectionStrings:Catalog=Data Source={CatalogDatabase}{CatalogConnectionOptions}"];

    /// <summary>Orders.Service's own database file.</summary>
    public string OrdersDatabase => Path.Combine(_dataDir, "orders.db");

    protected virtual IEnumerable<string> OrdersDatabaseArguments => [$"--ConnectionStrings:Orders=Data Source={OrdersDatabase}"];

    /// <summary>The facade's flag store file (the SQLite set-up).</summary>
    public string FlagStoreDatabase => Path.Combine(_dataDir, "flags.db");

    protected virtual IEnumerable<string> FlagStoreArguments =>
        [$"--FlagStore:ConnectionString=Data Source={FlagStoreDatabase}", $"--FlagStore:SnapshotFile={FlagStoreDatabase}.snapshot.json"];

    /// <summary>How the monolith and Catalog.Service exchange events: the embedded transport on a port of this system's own.</summary>
    protected virtual IEnumerable<string> MessagingArguments =>
    [
        $"--Messaging:Ports:catalog={CatalogInboxPort}", $"--Messaging:Ports:monolith={_inboxPorts.Monolith}",
        $"--Messaging:Ports:orders={_inboxPorts.Orders}", $"--Messaging:Ports:facade={_inboxPorts.Facade}",
    ];

    /// <summary>Extra facade settings, as command-line arguments.</summary>
    protected virtual IEnumerable<string> ExtraFacadeArguments => [];

    /// <summary>A second facade instance sharing the first one's flag store; returns its public URL.</summary>
    public async Task<string> StartSecondFacadeAsync()
    {
        var (publicUrl, controlUrl) = ($"http://127.0.0.1:{TestPorts.Next()}", $"http://127.0.0.1:{TestPorts.Next()}");
        var facade = Start("facade-2", "facade/Migration.Facade", "Migration.Facade", null,
            [.. FacadeArguments(publicUrl, controlUrl), $"--Messaging:Ports:facade={TestPorts.Next()}"]);
        await facade.WaitHealthyAsync(controlUrl + "/health", StartTimeout);
        return publicUrl;
    }

    /// <summary>Kills Catalog.Service, as a crash would.</summary>
    public async Task StopCatalogAsync()
    {
        if (_catalog is { } catalog)
        {
            _apps.Remove(catalog);
            _catalog = null;
            await catalog.DisposeAsync();
        }
    }

    /// <summary>Starts Catalog.Service again on the same database and port (after <see cref="StopCatalogAsync"/>).</summary>
    public async Task RestartCatalogAsync()
    {
        await StopCatalogAsync();
        _catalog = StartCatalog();
        await _catalog.WaitHealthyAsync(CatalogUrl + "/health", StartTimeout);
    }

    /// <summary>A client of the public port, as an end user's browser would be (no redirects followed, no cookies kept).</summary>
    public HttpClient PublicClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(PublicUrl) };

    public HttpClient ControlPlaneClient(string? token)
    {
        var client = new HttpClient { BaseAddress = new Uri(ControlPlaneUrl) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// Copies the monolith's catalog into Catalog.Service once and verifies it, through the CLI, as the walkthrough
    /// does: the data gate lets flips to canary/extracted through after that.
    /// </summary>
    public Task EnsureBackfilledAsync() => _backfill ??= BackfillAsync();

    public async Task<SliceDto> FlipAsync(string slice, string state, string reason = "end-to-end test", bool force = false, int? percentage = null)
    {
        using var client = ControlPlaneClient(OperatorToken);
        var current = await client.GetFromJsonAsync<SliceDto>($"/admin/slices/{slice}");
        using var response = await client.PutAsJsonAsync($"/admin/slices/{slice}/state",
            new ChangeSliceStateRequest(state, percentage, reason, current!.Version, force));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SliceDto>())!;
    }

    public IDictionary<string, string?> CliEnvironment(string? token) =>
        new Dictionary<string, string?> { ["STRANGLER_URL"] = ControlPlaneUrl, ["STRANGLER_TOKEN"] = token };

    public virtual async Task DisposeAsync()
    {
        foreach (var app in _apps) await app.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }

    public string Diagnostics() => string.Join("\n\n", _apps.Select(a => $"--- {a.Name} ---\n{a.Output}"));

    private async Task BackfillAsync()
    {
        await RunCliOrThrowAsync("data", "backfill", "catalog");
        await WaitForLagAsync(TimeSpan.Zero, TimeSpan.FromSeconds(30));
        await RunCliOrThrowAsync("data", "verify", "catalog");
    }

    public async Task RunCliOrThrowAsync(params string[] args)
    {
        var result = await CliRunner.RunAsync(args, CliEnvironment(OperatorToken));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', args)} failed ({result.ExitCode}): {result.StdErr}\n{result.StdOut}\n{Diagnostics()}");
        }
    }

    private string[] FacadeArguments(string publicUrl, string controlPlaneUrl) =>
    [
        $"--Facade:PublicUrl={publicUrl}",
        $"--Facade:ControlPlaneUrl={controlPlaneUrl}",
        .. FlagStoreArguments,
        $"--Services:legacy:http:0={LegacyUrl}",
        $"--Services:catalog:http:0={CatalogUrl}",
        $"--Services:orders:http:0={OrdersUrl}",
        // It reads the monolith's sign-in cookie (canaries stick to the customer; service tokens name them).
        $"--Canary:UserCookie:KeyRingPath={LegacyKeyRing}",
        "--ControlPlane:Tokens:0:Name=e2e-operator",
        "--ControlPlane:Tokens:0:Role=operator",
        $"--ControlPlane:Tokens:0:Sha256={Sha256(OperatorToken)}",
        "--ControlPlane:Tokens:1:Name=e2e-viewer",
        "--ControlPlane:Tokens:1:Role=viewer",
        $"--ControlPlane:Tokens:1:Sha256={Sha256(ViewerToken)}",
        // It signs service tokens, so it listens on the bus for sign-outs.
        "--Identity:SigningKey:Id=e2e",
        $"--Identity:SigningKey:PrivateKey={_signingKey}",
        // Mirror threads run at the lowest priority: in a saturated full run a mirror may wait and take longer than the
        // production defaults allow (shed as stale or timeout), and these tests compare every mirror.
        "--Shadow:MaxQueueAge=00:02:00",
        "--Slices:catalog-read:Shadow:Timeout=00:00:30",
        .. MessagingArguments,
        .. ExtraFacadeArguments,
    ];

    /// <summary>Kills Orders.Service, as a crash would.</summary>
    public async Task StopOrdersAsync()
    {
        if (_orders is { } orders)
        {
            _apps.Remove(orders);
            _orders = null;
            await orders.DisposeAsync();
        }
    }

    /// <summary>Starts Orders.Service again on the same database and port.</summary>
    public async Task RestartOrdersAsync()
    {
        await StopOrdersAsync();
        _orders = StartOrders();
        await _orders.WaitHealthyAsync(OrdersUrl + "/health", StartTimeout);
    }

    /// <summary>Kills the monolith, as a crash would, and starts it again on the same database and port.</summary>
    public async Task StopLegacyAsync()
    {
        if (_legacy is { } legacy)
        {
            _apps.Remove(legacy);
            _legacy = null;
            await legacy.DisposeAsync();
        }
    }

    public async Task RestartLegacyAsync()
    {
        await StopLegacyAsync();
        _legacy = StartLegacy();
        await _legacy.WaitHealthyAsync(LegacyUrl + "/health", StartTimeout);
    }

    private AppProcess StartLegacy() =>
        Start("legacy", "legacy/Legacy.Store", "Legacy.Store", LegacyUrl, [.. LegacyDatabaseArguments, .. MessagingArguments]);

    private AppProcess StartOrders() =>
        Start("orders", "extracted/Orders.Service", "Orders.Service", OrdersUrl,
        [
            .. OrdersDatabaseArguments, $"--Legacy:BaseUrl={LegacyUrl}", $"--Services:catalog:http:0={CatalogUrl}",
            "--Identity:Keys:0:Id=e2e", $"--Identity:Keys:0:PublicKey={SigningPublicKey}", .. MessagingArguments, .. ExtraOrdersArguments,
        ]);

    /// <summary>Extra Orders.Service settings, as command-line arguments.</summary>
    protected virtual IEnumerable<string> ExtraOrdersArguments => [];

    private AppProcess StartCatalog() =>
        Start("catalog", "extracted/Catalog.Service", "Catalog.Service", CatalogUrl, [.. CatalogDatabaseArguments, $"--Legacy:BaseUrl={LegacyUrl}", .. MessagingArguments]);

    private AppProcess Start(string name, string folder, string assembly, string? url, params string[] args)
    {
        var all = url is null ? args : ["--urls", url, .. args];
        var app = AppProcess.Start(name, BuiltApp.Dll(folder, assembly), all);
        _apps.Add(app);
        return app;
    }

    private static string Sha256(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

[CollectionDefinition(Name)]
public sealed class MigrationSystemCollection : ICollectionFixture<MigrationSystem>
{
    public const string Name = "migration system";
}
