using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Migration.Facade.Flags;

internal sealed class FlagDbContext(DbContextOptions<FlagDbContext> options) : DbContext(options)
{
    public DbSet<SliceRow> Slices => Set<SliceRow>();

    public DbSet<AuditRow> Audit => Set<AuditRow>();

    public DbSet<SideOverrideRow> Overrides => Set<SideOverrideRow>();

    public DbSet<Data.VerifyRunRow> VerifyRuns => Set<Data.VerifyRunRow>();

    public DbSet<Identity.EndedSessionRow> EndedSessions => Set<Identity.EndedSessionRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SliceRow>(slice =>
        {
            slice.ToTable("slices");
            slice.HasKey(s => s.Name);
            slice.Property(s => s.Name).HasMaxLength(100);
            slice.Property(s => s.State).HasMaxLength(20);
            slice.Property(s => s.UpdatedBy).HasMaxLength(100);
        });
        modelBuilder.Entity<AuditRow>(audit =>
        {
            audit.ToTable("audit_entries");
            audit.HasKey(a => a.Id);
            audit.Property(a => a.Slice).HasMaxLength(100);
            audit.Property(a => a.Actor).HasMaxLength(100);
            audit.Property(a => a.FromState).HasMaxLength(20);
            audit.Property(a => a.ToState).HasMaxLength(20);
            audit.Property(a => a.Reason).HasMaxLength(1000);
            audit.HasIndex(a => a.Slice);
        });
        modelBuilder.Entity<SideOverrideRow>(o =>
        {
            o.ToTable("side_overrides");
            o.HasKey(x => x.Hash);
            o.Property(x => x.Hash).HasMaxLength(64);
            o.Property(x => x.Slice).HasMaxLength(100);
            o.Property(x => x.Side).HasMaxLength(20);
            o.Property(x => x.IssuedBy).HasMaxLength(100);
        });
        modelBuilder.Entity<Data.VerifyRunRow>(v =>
        {
            v.ToTable("verify_runs");
            v.HasKey(x => x.Id);
            v.Property(x => x.DataSet).HasMaxLength(100);
            v.Property(x => x.Actor).HasMaxLength(100);
            v.HasIndex(x => x.DataSet);
        });
        modelBuilder.Entity<Identity.EndedSessionRow>(e =>
        {
            e.ToTable("ended_sessions");
            e.HasKey(x => x.Id);
            e.Property(x => x.SessionId).HasMaxLength(64);
            e.HasIndex(x => x.SessionId).IsUnique();
            // Ticks: comparable on SQLite, which has no native DateTimeOffset (pruning filters by it).
            e.Property(x => x.EndedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        });
    }
}

/// <summary>Lets `dotnet ef` build the model without starting the facade.</summary>
internal sealed class FlagDbContextDesignFactory : IDesignTimeDbContextFactory<FlagDbContext>
{
    public FlagDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<FlagDbContext>().UseSqlite("Data Source=design.db").Options);
}
