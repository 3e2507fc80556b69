using Catalog.Service.Data;
using Catalog.Service.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Catalog.Service.Tests.Data;

public sealed class ConnectionStringTests
{
    [Fact]
    public void A_relative_data_source_is_resolved_against_the_content_root_and_its_folder_created()
    {
        using var folder = new TempFolder();

        var resolved = DatabaseExtensions.ResolveConnectionString("Data Source=.data/catalog.db", folder.Path);

        var expected = Path.Combine(folder.Path, ".data", "catalog.db");
        Assert.Equal(expected, new SqliteConnectionStringBuilder(resolved).DataSource);
        Assert.True(Directory.Exists(Path.GetDirectoryName(expected)));
    }

    [Fact]
    public void An_in_memory_database_is_left_alone()
    {
        Assert.Equal("Data Source=:memory:", DatabaseExtensions.ResolveConnectionString("Data Source=:memory:", "/nowhere"));
    }
}
