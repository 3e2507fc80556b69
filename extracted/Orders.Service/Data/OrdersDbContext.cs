using Microsoft.EntityFrameworkCore;
using Migration.Messaging.Applied;

namespace Orders.Service.Data;

internal sealed class OrdersDbContext(DbContextOptions<OrdersDbContext> options) : DbContext(options)
{
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<BackfillCheckpoint> BackfillCheckpoints => Set<BackfillCheckpoint>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Order>(order =>
        {
            order.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
            order.Property(o => o.Version).IsConcurrencyToken();
            order.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId);
            order.HasIndex(o => new { o.CustomerId, o.PlacedAt });
            order.Ignore(o => o.IsCancellable);
        });
        modelBuilder.Entity<OrderLine>(line => line.Property(l => l.ProductName).HasMaxLength(200));

        // The newest version this service has of every order, its own writes included.
        modelBuilder.MapAppliedEvents();

        modelBuilder.Entity<BackfillCheckpoint>(checkpoint =>
        {
            checkpoint.Property(c => c.Id).ValueGeneratedNever();
            // SQLite cannot compare DateTimeOffset natively; ticks keep it sortable and exact.
            checkpoint.Property(c => c.UpdatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        });
    }
}
