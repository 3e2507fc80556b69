using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Migration.Tests.Shared;
using Orders.Service.Data;
using Orders.Service.Stock;
using Wolverine;

namespace Orders.Service.Tests.Infrastructure;

/// <summary>
/// Orders.Service in memory over its own temp SQLite file, trusting <see cref="Key"/> as the facade's key, with prices
/// from <see cref="Catalog"/> (loopback) and stock from <see cref="Stock"/> (in process).
/// </summary>
internal sealed class OrdersServiceFactory : WebApplicationFactory<OrdersServiceApp>
{
    private readonly TempFolder _folder = new();
    private readonly bool _withKeys;

    private OrdersServiceFactory(FakeCatalog catalog, bool withKeys) => (Catalog, _withKeys) = (catalog, withKeys);

    public TestKey Key { get; } = TestKey.Create("facade-test-1");

    public FakeCatalog Catalog { get; }

    public FakeStockDesk Stock { get; } = new();

    /// <summary>Who calls: the facade on loopback unless a test says otherwise.</summary>
    public IPAddress Peer { get; set; } = IPAddress.Loopback;

    /// <summary>Set before the host starts (first client or <c>Services</c>); they win over everything else.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    public string DatabasePath => _folder.File("orders.db");

    /// <param name="withKeys">False leaves <c>Identity:Keys</c> unset, as a deployment that forgot the facade's key.</param>
    public static async Task<OrdersServiceFactory> StartAsync(bool withKeys = true) => new(await FakeCatalog.StartAsync(), withKeys);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Orders", $"Data Source={DatabasePath}");
        builder.UseSetting("Identity:Audience", "orders");
        if (_withKeys)
        {
            builder.UseSetting("Identity:Keys:0:Id", Key.Id);
            builder.UseSetting("Identity:Keys:0:PublicKey", Key.PublicKey);
        }
        builder.UseSetting("Services:catalog:http:0", Catalog.Url);
        builder.UseSetting("Legacy:BaseUrl", Catalog.Url);
        // Transports are stubbed below; free ports anyway, so nothing here could ever reach a real monolith or service.
        builder.UseSetting("Messaging:Ports:orders", TestPorts.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Messaging:Ports:monolith", TestPorts.Next().ToString(CultureInfo.InvariantCulture));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IStockDesk>();
            services.AddSingleton<IStockDesk>(Stock);
            services.AddSingleton<IStartupFilter>(new PeerStartupFilter(() => Peer));
            // Published messages are recorded by Wolverine's tracking but go to no listener.
            services.DisableAllExternalWolverineTransports();
        });
    }

    /// <summary>A client calling as the facade does for <paramref name="customerId"/> (a customer's token).</summary>
    public HttpClient CustomerClient(int customerId) => ClientWith(Key.Sign(TestToken.Customer(customerId)));

    /// <summary>A client sending <paramref name="token"/> as its bearer token, or none.</summary>
    public HttpClient ClientWith(string? token)
    {
        var client = CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    /// <summary>Reads (or seeds) the service's database in a scope of its own.</summary>
    public async Task<T> WithDbAsync<T>(Func<OrdersDbContext, Task<T>> use)
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<OrdersDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Catalog.DisposeAsync();
        _folder.Dispose();
    }
}
