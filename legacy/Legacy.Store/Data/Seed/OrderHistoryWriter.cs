using System.Data.Common;
using Legacy.Store.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Legacy.Store.Data.Seed;

/// <summary>
/// Writes the seeded order history (5,000 orders, ~12,500 lines) with two prepared statements. Going through
/// SaveChanges costs a statement preparation per row, which made the first start take many seconds.
/// </summary>
internal static class OrderHistoryWriter
{
    public static async Task WriteAsync(StoreDbContext db, IReadOnlyList<Order> orders, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The order history is written inside the seed transaction.");

        await using var insertOrder = Prepare(connection, transaction,
            "INSERT INTO \"Orders\" (\"Id\", \"CustomerId\", \"PlacedAt\", \"ChangedAt\", \"Status\", \"TotalCents\") VALUES (@p0, @p1, @p2, @p2, @p3, @p4)", 5);
        await using var insertLine = Prepare(connection, transaction,
            "INSERT INTO \"OrderLines\" (\"Id\", \"OrderId\", \"ProductId\", \"ProductName\", \"UnitPriceCents\", \"Quantity\") VALUES (@p0, @p1, @p2, @p3, @p4, @p5)", 6);

        var sqlite = db.Database.IsSqlite();
        foreach (var order in orders)
        {
            // SQLite: the same text form EF Core's SQLite provider uses for DateTime, so EF reads and orders these rows
            // normally. PostgreSQL: a timestamp.
            object placedAt = sqlite
                ? order.PlacedAt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture)
                : order.PlacedAt;
            await RunAsync(insertOrder, cancellationToken, order.Id, order.CustomerId, placedAt, order.Status.ToString(), order.TotalCents);
            foreach (var line in order.Lines)
            {
                await RunAsync(insertLine, cancellationToken, line.Id, order.Id, line.ProductId, line.ProductName, line.UnitPriceCents, line.Quantity);
            }
        }
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
        }
        // Npgsql prepares only typed parameters (and reuses statements by itself); SQLite needs it said.
        if (connection is Microsoft.Data.Sqlite.SqliteConnection)
        {
            command.Prepare();
        }
        return command;
    }

    private static async Task RunAsync(DbCommand command, CancellationToken cancellationToken, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
