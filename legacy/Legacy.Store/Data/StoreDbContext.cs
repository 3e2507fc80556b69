using Legacy.Store.Catalog;
using Legacy.Store.Customers;
using Legacy.Store.Inventory;
using Legacy.Store.Orders;
using Microsoft.EntityFrameworkCore;
using Migration.Messaging.Applied;

namespace Legacy.Store.Data;

/// <summary>The monolith's single database: every domain shares it, which is exactly what the migration undoes.</summary>
internal sealed class StoreDbContext(DbContextOptions<StoreDbContext> options) : DbContext(options)
{
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<StockItem> Stock => Set<StockItem>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<StaffMember> Staff => Set<StaffMember>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<StockReservation> Reservations => Set<StockReservation>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Category>(e =>
        {
            e.Property(c => c.Slug).HasMaxLength(64);
            e.Property(c => c.Name).HasMaxLength(100);
            e.HasIndex(c => c.Slug).IsUnique();
            e.Property(c => c.Version).IsConcurrencyToken().HasDefaultValue(1L);
        });
        model.Entity<Product>(e =>
        {
            e.Property(p => p.Sku).HasMaxLength(32);
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.Description).HasMaxLength(2000);
            e.HasIndex(p => p.Sku).IsUnique();
            e.HasIndex(p => p.Name);
            e.HasIndex(p => p.ChangedAt);
            e.HasOne(p => p.Category).WithMany(c => c.Products).HasForeignKey(p => p.CategoryId);
            e.Property(p => p.Version).IsConcurrencyToken().HasDefaultValue(1L);
            e.HasQueryFilter(p => !p.IsDeleted);
        });
        model.Entity<StockItem>(e =>
        {
            e.HasKey(s => s.ProductId);
            e.HasOne<Product>().WithOne().HasForeignKey<StockItem>(s => s.ProductId);
            e.Property(s => s.Version).HasDefaultValue(1L);
            e.ToTable("Stock", t => t.HasCheckConstraint("CK_Stock_OnHand", "\"OnHand\" >= 0"));
        });
        model.Entity<Customer>(e =>
        {
            e.Property(c => c.Email).HasMaxLength(256);
            e.HasIndex(c => c.Email).IsUnique();
        });
        model.Entity<StaffMember>(e =>
        {
            e.Property(s => s.Email).HasMaxLength(256);
            e.HasIndex(s => s.Email).IsUnique();
        });
        model.Entity<Order>(e =>
        {
            e.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(o => new { o.CustomerId, o.PlacedAt });
            e.HasOne<Customer>().WithMany().HasForeignKey(o => o.CustomerId);
            e.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId);
            e.Ignore(o => o.IsCancellable);
            e.Property(o => o.Version).IsConcurrencyToken().HasDefaultValue(1L);
            e.HasIndex(o => o.ChangedAt);
        });
        model.Entity<OrderLine>(e =>
        {
            e.Property(l => l.ProductName).HasMaxLength(200);
            e.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId);
        });
        model.Entity<StockReservation>(e =>
        {
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Problem).HasMaxLength(500);
            e.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.ReservationId);
            e.HasIndex(r => new { r.Status, r.HeldAt });
        });
        model.Entity<StockReservationLine>(e =>
        {
            e.ToTable("ReservationLines");
            e.HasKey(l => new { l.ReservationId, l.ProductId });
        });
        // What the monolith has applied of the orders Orders.Service writes (and of its own), per order.
        model.MapAppliedEvents();
    }
}
