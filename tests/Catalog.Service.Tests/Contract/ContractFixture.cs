using System.Diagnostics;
using Catalog.Service.Tests.Infrastructure;
using Migration.Facade.Contracts;

namespace Catalog.Service.Tests.Contract;

/// <summary>
/// The monolith and a Catalog.Service filled from it by a real backfill through the monolith's public API.
/// </summary>
public sealed class ContractFixture : IAsyncLifetime
{
    public MonolithFactory Monolith { get; } = new();

    public CatalogServiceFactory Catalog { get; private set; } = null!;

    public BackfillProgressDto Backfill { get; private set; } = null!;

    public TimeSpan BackfillDuration { get; private set; }

    public async Task InitializeAsync()
    {
        _ = Monolith.Server; // starts (and seeds) the monolith before the backfill asks it anything
        Catalog = new CatalogServiceFactory(() => Monolith.Server.CreateHandler());
        var client = Catalog.CreateClient();
        var clock = Stopwatch.StartNew();
        Backfill = await BackfillDriver.RunToEndAsync(client);
        BackfillDuration = clock.Elapsed;
    }

    public async Task DisposeAsync()
    {
        await Catalog.DisposeAsync();
        await Monolith.DisposeAsync();
    }
}
