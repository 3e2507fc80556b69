using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Migration.Messaging.Applied;

namespace Migration.Messaging.Tests.Applied;

/// <summary>A consumer's database that holds only the ledger, in memory for the life of the test.</summary>
internal sealed class LedgerDb(DbContextOptions<LedgerDb> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.MapAppliedEvents();

    public static (SqliteConnection Connection, Func<LedgerDb> Open) Create()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        var options = new DbContextOptionsBuilder<LedgerDb>().UseSqlite(connection).Options;
        using (var db = new LedgerDb(options))
        {
            db.Database.EnsureCreated();
        }
        return (connection, () => new LedgerDb(options));
    }
}
