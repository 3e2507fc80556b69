using System.Net;
using System.Net.Http.Json;
using Migration.Facade.Contracts;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Flags;

/// <summary>
/// A flag store that cannot be read never stops the facade: users are served on the last good snapshot (or all on
/// legacy), health says degraded, changes are refused, and once the store is back everything resumes by itself.
/// </summary>
public sealed class DegradedStartTests
{
    private static async Task<string?> SideOfAsync(FacadeHost facade, string path) =>
        (await StubBackend.ReadAsync(await facade.Public.GetAsync(path)))?.Side;

    private static void Corrupt(string file) => File.WriteAllBytes(file, Enumerable.Repeat((byte)'x', 4096).ToArray());

    [Fact]
    public async Task Unreadable_at_start_serves_the_last_good_snapshot_refuses_changes_and_recovers_by_itself()
    {
        await using var bed = await TestBed.StartAsync();
        var flags = bed.Folder.File("flags.db");
        await using (var first = await bed.StartFacadeAsync(s => s["FlagStore:ConnectionString"] = $"Data Source={flags}"))
        {
            (await first.FlipAsync("catalog-read", SliceStates.Extracted)).EnsureSuccessStatusCode();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var good = await File.ReadAllBytesAsync(flags);
        Corrupt(flags);

        await using var facade = await bed.StartFacadeAsync(s => s["FlagStore:ConnectionString"] = $"Data Source={flags}");

        Assert.Equal("catalog", await SideOfAsync(facade, "/api/products/1"));
        Assert.Equal("legacy", await SideOfAsync(facade, "/"));
        Assert.Contains("Degraded", await facade.Anonymous.GetStringAsync("/health"));
        using (var refused = await facade.Operator.PutAsJsonAsync("/admin/slices/catalog-read/state",
                   new ChangeSliceStateRequest(SliceStates.Legacy, null, "while the store is down", 2)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        await File.WriteAllBytesAsync(flags, good);
        Assert.True(await Loopback.EventuallyAsync(async () => await facade.Anonymous.GetStringAsync("/health") == "Healthy", TimeSpan.FromSeconds(10)));
        (await facade.FlipAsync("catalog-read", SliceStates.Legacy)).EnsureSuccessStatusCode();
        Assert.Equal("legacy", await SideOfAsync(facade, "/api/products/1"));
    }

    [Fact]
    public async Task Unreadable_with_nothing_kept_serves_every_slice_on_legacy()
    {
        await using var bed = await TestBed.StartAsync();
        var flags = bed.Folder.File("never-good.db");
        Corrupt(flags);

        await using var facade = await bed.StartFacadeAsync(s =>
        {
            s["FlagStore:ConnectionString"] = $"Data Source={flags}";
            s["FlagStore:SnapshotFile"] = bed.Folder.File("none.json");
        });

        Assert.Equal("legacy", await SideOfAsync(facade, "/api/products/1"));
        var slices = await facade.Viewer.GetFromJsonAsync<SliceDto[]>("/admin/slices");
        Assert.All(slices!, s => Assert.Equal(SliceStates.Legacy, s.State));
    }

    [Fact]
    public async Task A_store_that_stays_unreadable_after_the_start_is_reported_and_picked_up_again_when_back()
    {
        await using var bed = await TestBed.StartAsync();
        var flags = bed.Folder.File("running.db");
        // Unpooled: every poll opens the file anew, as a process that lost its store would.
        await using var facade = await bed.StartFacadeAsync(s => s["FlagStore:ConnectionString"] = $"Data Source={flags};Pooling=False");
        (await facade.FlipAsync("catalog-read", SliceStates.Extracted)).EnsureSuccessStatusCode();

        File.Move(flags, flags + ".away");
        Corrupt(flags);

        Assert.True(await Loopback.EventuallyAsync(async () => (await facade.Anonymous.GetStringAsync("/health")).Contains("Degraded"), TimeSpan.FromSeconds(15)));
        Assert.Equal("catalog", await SideOfAsync(facade, "/api/products/1"));
        using (var refused = await facade.Operator.PutAsJsonAsync("/admin/slices/catalog-read/state",
                   new ChangeSliceStateRequest(SliceStates.Legacy, null, "while the store is away", 2)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        }

        File.Move(flags + ".away", flags, overwrite: true);
        Assert.True(await Loopback.EventuallyAsync(async () => await facade.Anonymous.GetStringAsync("/health") == "Healthy", TimeSpan.FromSeconds(15)));
        (await facade.FlipAsync("catalog-read", SliceStates.Legacy)).EnsureSuccessStatusCode();
    }
}
