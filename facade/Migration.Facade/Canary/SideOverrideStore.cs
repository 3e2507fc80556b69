using Microsoft.EntityFrameworkCore;
using Migration.Facade.Flags;

namespace Migration.Facade.Canary;

/// <summary>Writes issued overrides to the flag store, where every facade instance's next poll picks them up.</summary>
internal sealed class SideOverrideStore(IDbContextFactory<FlagDbContext> contexts, FlagStore store, TimeProvider clock)
{
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
            db.Audit.Add(new AuditRow
            {
                Slice = slice.Name, At = now, Actor = actor, Version = slice.Version,
                Reason = $"override issued: {pass.Side} until {pass.ExpiresAt:u}: {reason}",
                FromState = slice.State, FromPercentage = slice.Percentage, ToState = slice.State, ToPercentage = slice.Percentage,
            });
            // One SaveChanges, one transaction: no override without its audit entry.
            await db.SaveChangesAsync(ct);
        }
        // This instance honours the override at once; the others within a poll interval.
        await store.RefreshAsync(ct);
    }
}
