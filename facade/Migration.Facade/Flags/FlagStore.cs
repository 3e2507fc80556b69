using Microsoft.EntityFrameworkCore;
using Migration.Facade.Contracts;

namespace Migration.Facade.Flags;

/// <summary>Outcome of a state change; the admin API turns each case into a status code.</summary>
internal abstract record ChangeResult
{
    public sealed record Changed(SliceState Slice) : ChangeResult;
    public sealed record UnknownSlice : ChangeResult;
    public sealed record StaleVersion(long Current) : ChangeResult;
}

/// <summary>Reads and writes slice state and the audit log; publishes a fresh snapshot after local writes.</summary>
internal sealed partial class FlagStore(
    IDbContextFactory<FlagDbContext> contexts, SliceSnapshotHolder snapshots, SnapshotFile kept, TimeProvider clock, ILogger<FlagStore> logger)
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);

    public async Task<IReadOnlyList<SliceState>> LoadAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Slices.AsNoTracking().ToListAsync(ct);
        return rows.Select(ToState).ToList();
    }

    /// <summary>Creates a <c>legacy</c> row (version 1) for every configured slice that has none yet.</summary>
    public async Task EnsureSlicesAsync(IEnumerable<string> names, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var existing = await db.Slices.Select(s => s.Name).ToListAsync(ct);
        foreach (var name in names.Except(existing, StringComparer.Ordinal))
        {
            var initial = SliceState.Initial(name);
            db.Slices.Add(new SliceRow
            {
                Name = name, State = initial.State, Percentage = 0, Version = initial.Version,
                UpdatedAt = clock.GetUtcNow(), UpdatedBy = initial.UpdatedBy,
            });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance sharing the store created the same rows first; theirs are as good as ours.
        }
    }

    /// <summary>
    /// Applies a validated change when the stored version still equals <paramref name="expectedVersion"/>.
    /// The conditional UPDATE makes this safe against concurrent writers on other instances too.
    /// </summary>
    public async Task<ChangeResult> ChangeAsync(
        string name, string state, int percentage, string reason, long expectedVersion, string actor, CancellationToken ct,
        bool forced = false)
    {
        ChangeResult result;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var current = await db.Slices.AsNoTracking().SingleOrDefaultAsync(s => s.Name == name, ct);
            if (current is null)
            {
                return new ChangeResult.UnknownSlice();
            }
            if (current.Version != expectedVersion)
            {
                return new ChangeResult.StaleVersion(current.Version);
            }
            var now = clock.GetUtcNow();
            var next = expectedVersion + 1;
            var updated = await db.Slices
                .Where(s => s.Name == name && s.Version == expectedVersion)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(s => s.State, state)
                    .SetProperty(s => s.Percentage, percentage)
                    .SetProperty(s => s.Version, next)
                    .SetProperty(s => s.UpdatedAt, now)
                    .SetProperty(s => s.UpdatedBy, actor), ct);
            if (updated == 0)
            {
                return new ChangeResult.StaleVersion(current.Version);
            }
            db.Audit.Add(new AuditRow
            {
                Slice = name, At = now, Actor = actor, Reason = reason, Version = next,
                FromState = current.State, FromPercentage = current.Percentage,
                ToState = state, ToPercentage = percentage, Forced = forced,
            });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            result = new ChangeResult.Changed(new SliceState(name, state, percentage, next, now, actor));
        }
        await RefreshAfterWriteAsync(ct);
        return result;
    }

    public async Task<IReadOnlyList<AuditEntryDto>> AuditAsync(string? slice, int limit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Audit.AsNoTracking();
        if (!string.IsNullOrEmpty(slice))
        {
            query = query.Where(a => a.Slice == slice);
        }
        var rows = await query.OrderByDescending(a => a.Id).Take(limit).ToListAsync(ct);
        return rows.Select(a => new AuditEntryDto(a.Id, a.Slice, a.At, a.Actor, a.FromState, a.FromPercentage,
            a.ToState, a.ToPercentage, a.Reason, a.Version, a.Forced)).ToList();
    }

    /// <summary>Re-reads the store and publishes a new snapshot when any version moved or the live overrides changed.</summary>
    /// <remarks>
    /// One refresh at a time: a poll that read the store just before a flip committed would otherwise publish its
    /// older snapshot after the flip's own refresh, and undo the flip on this instance until the next poll.
    /// </remarks>
    public async Task RefreshAsync(CancellationToken ct)
    {
        await _refreshing.WaitAsync(ct);
        try
        {
            var fresh = new SliceSnapshot(await LoadAsync(ct), await LoadOverridesAsync(ct));
            var current = snapshots.Current;
            if (!fresh.SameVersionsAs(current) || !fresh.SameOverridesAs(current))
            {
                snapshots.Publish(fresh);
                kept.Save(fresh);
            }
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>
    /// Publishes a change this instance just saved. It is saved whatever happens here: a refresh that fails (the store
    /// locked a moment) is left to the next poll rather than reported as a failed change.
    /// </summary>
    public async Task RefreshAfterWriteAsync(CancellationToken ct)
    {
        try
        {
            await RefreshAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRefreshFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A saved change could not be read back at once; the next poll publishes it")]
    private partial void LogRefreshFailed(Exception exception);

    // Filtered here, not in SQL: SQLite keeps DateTimeOffset as text, which EF Core cannot compare in a query.
    private async Task<IReadOnlyList<SideOverride>> LoadOverridesAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var rows = await db.Overrides.AsNoTracking().ToListAsync(ct);
        return rows.Where(o => o.ExpiresAt > now).Select(o => new SideOverride(o.Hash, o.Slice, o.Side, o.ExpiresAt)).ToList();
    }

    private static SliceState ToState(SliceRow r) => new(r.Name, r.State, r.Percentage, r.Version, r.UpdatedAt, r.UpdatedBy);
}
