using System.Security.Claims;
using Legacy.Store.Data;
using Microsoft.AspNetCore.Authentication;
using Migration.Messaging.Events;
using Wolverine.EntityFrameworkCore;

namespace Legacy.Store.Customers;

/// <summary>
/// Tells the facade through the outbox that the session ended, then signs the user out: the cookie alone is stateless,
/// and a copy of it would otherwise keep working against the extracted services. The event is committed first, so a
/// sign-out that fails to record it fails as a whole rather than leaving copies of the cookie working.
/// </summary>
internal sealed class SessionEnd(IDbContextOutbox<StoreDbContext> outbox, TimeProvider clock)
{
    public async Task SignOutAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var user = context.User;
        if (user.FindFirstValue(ClaimTypes.Sid) is { Length: > 0 } session
            && int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            await outbox.PublishAsync(new SessionEnded(Guid.CreateVersion7(), session, id, clock.GetUtcNow()));
            await outbox.SaveChangesAndFlushMessagesAsync(cancellationToken);
        }
        await context.SignOutAsync();
    }
}
