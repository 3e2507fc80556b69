using System.Security.Claims;
using Legacy.Store.Data;
using Microsoft.AspNetCore.Authentication;
using Migration.Messaging.Events;
using Wolverine.EntityFrameworkCore;

namespace Legacy.Store.Customers;

/// <summary>
/// Signs the user out and tells the facade through the outbox, so it stops issuing service tokens for the session; the
/// cookie alone is stateless, and a copy of it would otherwise keep working against the extracted services.
/// </summary>
internal sealed class SessionEnd(IDbContextOutbox<StoreDbContext> outbox, TimeProvider clock)
{
    public async Task SignOutAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var user = context.User;
        await context.SignOutAsync();
        if (user.FindFirstValue(ClaimTypes.Sid) is { Length: > 0 } session
            && int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            await outbox.PublishAsync(new SessionEnded(Guid.CreateVersion7(), session, id, clock.GetUtcNow()));
            await outbox.SaveChangesAndFlushMessagesAsync(cancellationToken);
        }
    }
}
