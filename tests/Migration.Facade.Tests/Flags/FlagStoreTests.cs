using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Migration.Facade.Contracts;
using Migration.Facade.Flags;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Flags;

public sealed class FlagStoreTests
{
    [Fact]
    public async Task A_poll_that_read_the_store_before_a_flip_never_publishes_over_the_flip()
    {
        using var folder = new TempFolder();
        var gate = new OverridesQueryGate();
        var contexts = new ServiceCollection()
            .AddDbContextFactory<FlagDbContext>(o => o.UseSqlite($"Data Source={folder.File("flags.db")}").AddInterceptors(gate))
            .BuildServiceProvider().GetRequiredService<IDbContextFactory<FlagDbContext>>();
        await new FlagDbContextInitializer(contexts).MigrateAsync(CancellationToken.None);
        var snapshots = new SliceSnapshotHolder();
        var kept = new SnapshotFile(Options.Create(new FlagStoreOptions { SnapshotFile = folder.File("snapshot.json") }),
            new HostingEnvironment { ContentRootPath = folder.Path }, NullLogger<SnapshotFile>.Instance);
        var store = new FlagStore(contexts, snapshots, kept, TimeProvider.System, NullLogger<FlagStore>.Instance);
        await store.EnsureSlicesAsync(["s"], CancellationToken.None);

        // A poll has read the slice (still legacy) and stalls before publishing, while an operator flips it.
        gate.Arm();
        var poll = store.RefreshAsync(CancellationToken.None);
        await gate.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        var flip = store.ChangeAsync("s", SliceStates.Extracted, 0, "test", 1, "tester", CancellationToken.None);
        await Task.WhenAny(flip, Task.Delay(TimeSpan.FromMilliseconds(500)));
        gate.Release();
        await Task.WhenAll(poll, flip).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(SliceStates.Extracted, snapshots.Current.States["s"].State);
    }

    /// <summary>Holds the first side-overrides query once armed: the last read of a refresh, just before it publishes.</summary>
    private sealed class OverridesQueryGate : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _armed;

        public Task Reached => _reached.Task;

        public void Arm() => _armed = 1;

        public void Release() => _release.TrySetResult();

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("side_overrides", StringComparison.Ordinal) && Interlocked.Exchange(ref _armed, 0) == 1)
            {
                _reached.TrySetResult();
                await _release.Task;
            }
            return result;
        }
    }
}
