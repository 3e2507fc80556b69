using Microsoft.EntityFrameworkCore;
using Migration.Facade.Flags;

namespace Migration.Facade.Canary;

/// <summary>Writes issued overrides to the flag store, where every facade instance's next poll picks them up.</summary>
internal sealed class SideOverrideStore(IDbContextFactory<FlagDbContext> contexts, FlagStore store, TimeProvider clock)
{
    /// <summary>The slice's unexpired overrides, newest first.</summary>
    public async Task<List<SideOverrideRow>> ListAsync(string slice, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        return (await db.Overrides.AsNoTracking().Where(o => o.Slice == slice).ToListAsync(ct))
            .Where(o => o.ExpiresAt > now).OrderByDescending(o => o.IssuedAt).ToList();
    }

    /// <summary>Ends the override named <paramref name="id"/> now, audited; null when the slice has no such override.</summary>
    public async Task<SideOverrideRow?> RevokeAsync(SliceState slice, string id, string actor, string reason, CancellationToken ct)
    {
        SideOverrideRow? revoked;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var now = clock.GetUtcNow();
            revoked = (await db.Overrides.Where(o => o.Slice == slice.Name).ToListAsync(ct))
                .SingleOrDefault(o => o.ExpiresAt > now && SideOverrides.IdOf(o.Hash) == id);
            if (revoked is null) return null;
            db.Overrides.Remove(revoked);
            db.Audit.Add(Audit(slice, now, actor, $"override revoked: {revoked.Side} pass {id} of {revoked.IssuedBy}: {reason}"));
            await db.SaveChangesAsync(ct);
        }
        await store.RefreshAfterWriteAsync(ct);
        return revoked;
    }

    public async Task IssueAsync(SliceState slice, SideOverride pass, string actor, string reason, CancellationToken ct)
    {
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var now = clock.GetUtcNow();
            // Expired rows are dead weight in every poll; issuing is rare enough to be the moment to drop them.
            db.Overrides.RemoveRange((await db.Overrides.ToListAsync(ct)).Where(o => o.ExpiresAt <= now));
            db.Overrides.Add(new SideOverrideRow
            {
                Hash = pass.Hash, Slice = pass.Slice, Side = pass.Side, ExpiresAt = pass.ExpiresAt, IssuedAt = now, IssuedBy = actor,
            });
            db.Audit.Add(Audit(slice, now, actor, $"override issued: {pass.Side} pass {SideOverrides.IdOf(pass.Hash)} until {pass.ExpiresAt:u}: {reason}"));
            // One SaveChanges, one transaction: no override without its audit entry.
            await db.SaveChangesAsync(ct);
        }
        // This instance honours the override at once; the others within a poll interval.
        await store.RefreshAfterWriteAsync(ct);
    }

    // An override changes no state: the entry records the slice as it stands, and what happened.
    private static AuditRow Audit(SliceState slice, DateTimeOffset now, string actor, string reason) => new()
    {
        Slice = slice.Name, At = now, Actor = actor, Version = slice.Version, Reason = reason,
        FromState = slice.State, FromPercentage = slice.Percentage, ToState = slice.State, ToPercentage = slice.Percentage,
    };
}
