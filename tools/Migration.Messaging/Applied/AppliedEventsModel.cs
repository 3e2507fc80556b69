using Microsoft.EntityFrameworkCore;

namespace Migration.Messaging.Applied;

public static class AppliedEventsModel
{
    public const string Table = "AppliedEvents";

    /// <summary>Maps the consumer's ledger of applied events into its own model (one row per aggregate).</summary>
    public static ModelBuilder MapAppliedEvents(this ModelBuilder model)
    {
        model.Entity<AppliedEvent>(e =>
        {
            e.ToTable(Table);
            e.HasKey(a => new { a.Stream, a.AggregateId });
            e.Property(a => a.Stream).HasMaxLength(32);
            // Two writers of one aggregate (an event and a backfill page) each read the row, then write: the one that
            // read an older version fails (DbUpdateConcurrencyException) and retries, so an older state never wins.
            e.Property(a => a.Version).IsConcurrencyToken();
            // Ticks: sortable and exact on SQLite, which has no native DateTimeOffset.
            e.Property(a => a.OccurredAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
            e.Property(a => a.AppliedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
            e.HasIndex(a => a.AppliedAt);
        });
        return model;
    }
}
