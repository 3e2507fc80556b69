using Microsoft.EntityFrameworkCore;
using Migration.Messaging.Applied;

namespace Catalog.Service.Data;

internal sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : DbContext(options)
{
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<BackfillCheckpoint> BackfillCheckpoints => Set<BackfillCheckpoint>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Category>(category =>
        {
            category.Property(c => c.Id).ValueGeneratedNever();
            category.Property(c => c.Slug).HasMaxLength(100);
            category.Property(c => c.Name).HasMaxLength(200);
            category.HasIndex(c => c.Slug).IsUnique();
            category.HasIndex(c => c.Name);
        });

        modelBuilder.Entity<Product>(product =>
        {
            product.Property(p => p.Id).ValueGeneratedNever();
            product.Property(p => p.Name).HasMaxLength(200);
            product.Property(p => p.Description).HasMaxLength(4000);
            product.HasOne(p => p.Category).WithMany(c => c.Products).HasForeignKey(p => p.CategoryId);
            product.HasIndex(p => p.Name);
            product.HasIndex(p => p.PriceCents);
        });

        modelBuilder.MapAppliedEvents();

        modelBuilder.Entity<BackfillCheckpoint>(checkpoint =>
        {
            checkpoint.Property(c => c.Id).ValueGeneratedNever();
            // SQLite cannot compare DateTimeOffset natively; ticks keep it sortable and exact.
            checkpoint.Property(c => c.UpdatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        });
    }
}
