using Microsoft.Data.Sqlite;
using Migration.Messaging.Storage;

namespace Migration.Messaging.Tests.Storage;

/// <summary>Where every owner's SQLite file lives: against its content root, whatever the working directory.</summary>
public sealed class SqliteFileTests
{
    [Fact]
    public void A_relative_data_source_is_resolved_against_the_content_root_and_its_folder_created()
    {
        var root = Directory.CreateTempSubdirectory("sqlite-file-").FullName;
        try
        {
            var resolved = DatabaseProviderExtensions.ResolveSqliteFile("Data Source=.data/owner.db;Pooling=False", root, out var directory);

            var csb = new SqliteConnectionStringBuilder(resolved);
            Assert.Equal((Path.Combine(root, ".data", "owner.db"), false), (csb.DataSource, csb.Pooling));
            Assert.Equal(Path.Combine(root, ".data"), directory);
            Assert.True(Directory.Exists(directory));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=shared;Mode=Memory")]
    public void An_in_memory_database_is_left_alone_and_has_no_folder(string connectionString)
    {
        var resolved = DatabaseProviderExtensions.ResolveSqliteFile(connectionString, "/nowhere", out var directory);

        Assert.Equal(new SqliteConnectionStringBuilder(connectionString).ConnectionString, resolved);
        Assert.Null(directory);
    }
}
