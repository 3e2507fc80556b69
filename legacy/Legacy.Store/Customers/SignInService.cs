using System.Security.Claims;
using Legacy.Store.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Legacy.Store.Customers;

/// <summary>Checks a demo or real account's password and builds the principal the auth cookie carries.</summary>
internal sealed class SignInService(StoreDbContext db, PasswordHashing passwords)
{
    public async Task<ClaimsPrincipal?> AuthenticateAsync(string email, string password, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToLowerInvariant();
        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Email == normalized, cancellationToken);
        if (customer is not null)
        {
            return passwords.Verify(customer.PasswordHash, password)
                ? Principal(customer.Id, customer.Email, customer.FullName, StoreAuth.CustomerRole)
                : null;
        }
        var staff = await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.Email == normalized, cancellationToken);
        return staff is not null && passwords.Verify(staff.PasswordHash, password)
            ? Principal(staff.Id, staff.Email, staff.FullName, StoreAuth.StaffRole)
            : null;
    }

    private static ClaimsPrincipal Principal(int id, string email, string name, string role) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Email, email),
                new Claim(ClaimTypes.Name, name),
                new Claim(ClaimTypes.Role, role),
                // One id per sign-in: sign-out ends this session at the facade and the services, not the user's others.
                new Claim(ClaimTypes.Sid, Guid.NewGuid().ToString("N")),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme));
}
