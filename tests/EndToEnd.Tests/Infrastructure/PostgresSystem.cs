using Npgsql;

namespace EndToEnd.Tests.Infrastructure;

/// <summary>
/// The reference system with every database on the test PostgreSQL server: the monolith's, Catalog.Service's and
/// the flag store, a database per owner, all new for this system and dropped after it.
/// </summary>
public sealed class PostgresSystem : MigrationSystem
{
    private readonly string _prefix = $"e2e_{Guid.NewGuid():N}"[..16];

    private static readonly string[] Owners = ["store", "catalog", "orders", "flags"];

    private string Database(string owner) => $"{_prefix}_{owner}";

    private string Connection(string owner) => new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = Database(owner) }.ConnectionString;

    protected override IEnumerable<string> LegacyDatabaseArguments =>
        ["--Database:Provider=Postgres", $"--ConnectionStrings:Store={Connection("store")}"];

    protected override IEnumerable<string> CatalogDatabaseArguments =>
        ["--Database:Provider=Postgres", $"--ConnectionStrings:Catalog={Connection("catalog")}"];

    /// <summary>With no database file, the monolith keeps its key ring under its content root (its build folder here).</summary>
    public override string LegacyKeyRing =>
        Path.Combine(Path.GetDirectoryName(BuiltApp.Dll("legacy/Legacy.Store", "Legacy.Store"))!, ".data", "keys");

    protected override IEnumerable<string> OrdersDatabaseArguments =>
        ["--Database:Provider=Postgres", $"--ConnectionStrings:Orders={Connection("orders")}"];

    protected override IEnumerable<string> FlagStoreArguments =>
        ["--FlagStore:Provider=Postgres", $"--FlagStore:ConnectionString={Connection("flags")}", $"--FlagStore:SnapshotFile={FlagStoreDatabase}.snapshot.json"];

    public override async Task InitializeAsync()
    {
        // Each owner's database exists before its app starts (its migrations then build the schema).
        foreach (var owner in Owners)
        {
            await ServerAsync($"CREATE DATABASE \"{Database(owner)}\"");
        }
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        foreach (var owner in Owners)
        {
            await ServerAsync($"DROP DATABASE IF EXISTS \"{Database(owner)}\" WITH (FORCE)");
        }
    }

    protected override System.Data.Common.DbConnection Connect(Owner owner) =>
        new NpgsqlConnection(Connection(owner switch { Owner.Legacy => "store", Owner.Catalog => "catalog", Owner.Orders => "orders", _ => "flags" }));

    /// <summary>Wolverine keeps its dead letters in the owner's database, in its own schema.</summary>
    public override async Task<bool> DeadLetteredAsync(string messageType) =>
        await ScalarAsync(Owner.Catalog, $"SELECT COUNT(*) FROM wolverine.wolverine_dead_letters WHERE message_type LIKE '%{messageType}%'") > 0;

    private static async Task ServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestServers.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresSystemCollection : ICollectionFixture<PostgresSystem>
{
    public const string Name = "postgres system";
}
