using System.Data.Common;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Migration.Facade.Contracts;

namespace EndToEnd.Tests.Infrastructure;

/// <summary>The system's data as tests see it: its owners' databases, the sync's counts and lag.</summary>
public partial class MigrationSystem
{
    /// <summary>
    /// Writes a price straight into Catalog.Service's database, behind the sync's back: the way to make the two sides
    /// disagree now that events keep them in step (and what a data-verify test plants).
    /// </summary>
    public async Task PlantCatalogPriceAsync(int productId, decimal price) =>
        Assert.Equal(1, await ExecuteSqlAsync(Owner.Catalog,
            $"UPDATE \"Products\" SET \"PriceCents\" = {(long)(price * 100)} WHERE \"Id\" = {productId}"));

    public enum Owner
    {
        Legacy,
        Catalog,
        Orders,

        /// <summary>The facade's flag store (its inbox too).</summary>
        Facade,
    }

    /// <summary>Runs one SQL statement in an owner's database, behind the apps' backs; returns the rows changed.</summary>
    public async Task<int> ExecuteSqlAsync(Owner owner, string sql)
    {
        await using var connection = Connect(owner);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Reads one number from an owner's database.</summary>
    public async Task<long> ScalarAsync(Owner owner, string sql)
    {
        await using var connection = Connect(owner);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>An open connection to an owner's database, for a test that holds locks in it.</summary>
    public async Task<DbConnection> OpenAsync(Owner owner)
    {
        var connection = Connect(owner);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>A connection to an owner's database (not opened): its SQLite file here.</summary>
    protected virtual DbConnection Connect(Owner owner) =>
        new SqliteConnection($"Data Source={owner switch { Owner.Legacy => LegacyDatabase, Owner.Catalog => CatalogDatabase, Owner.Orders => OrdersDatabase, _ => FlagStoreDatabase }};Pooling=False;Default Timeout=30");

    /// <summary>The monolith's own database file.</summary>
    public string LegacyDatabase => Path.Combine(_dataDir, "legacy.db");

    /// <summary>
    /// Whether a message of <paramref name="messageType"/> reached the dead letters: on the embedded transport those are
    /// kept in Catalog.Service's own database.
    /// </summary>
    public virtual async Task<bool> DeadLetteredAsync(string messageType) =>
        await ScalarAsync(Owner.Catalog, $"SELECT COUNT(*) FROM wolverine_dead_letters WHERE message_type LIKE '%{messageType}%'") > 0;

    /// <summary>What Catalog.Service's ledger counted since it started: applied, already applied, echoes.</summary>
    public async Task<JsonElement> CatalogEventCountsAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(CatalogUrl) };
        return await client.GetFromJsonAsync<JsonElement>("/internal/sync/events");
    }

    /// <summary>Waits until the control plane reports Catalog.Service's lag at or below <paramref name="lag"/>.</summary>
    public Task<DataStatusDto> WaitForLagAsync(TimeSpan lag, TimeSpan timeout) => WaitForLagAsync("catalog", lag, timeout);

    /// <summary>Waits until the control plane reports <paramref name="dataSet"/>'s lag at or below <paramref name="lag"/>.</summary>
    public async Task<DataStatusDto> WaitForLagAsync(string dataSet, TimeSpan lag, TimeSpan timeout)
    {
        using var client = ControlPlaneClient(ViewerToken);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var status = (await client.GetFromJsonAsync<DataStatusDto>($"/admin/data/{dataSet}"))!;
            if (status.LagSeconds is { } seconds && seconds <= lag.TotalSeconds)
            {
                return status;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{dataSet} lag is {status.LagSeconds?.ToString() ?? status.LagError} after {timeout}\n{Diagnostics()}");
            }
            await Task.Delay(100);
        }
    }
}
