using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Legacy.Store.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the whole app.</summary>
internal sealed class DesignTimeStoreDbContextFactory : IDesignTimeDbContextFactory<StoreDbContext>
{
    public StoreDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<StoreDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
