using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Legacy.Store.Customers;

/// <summary>Cookie sign-in for customers and staff: pages redirect to the sign-in form, <c>/api</c> answers 401/403.</summary>
internal static class StoreAuth
{
    public const string CookieName = ".Store.Auth";
    public const string CustomerRole = "customer";
    public const string StaffRole = "staff";
    public const string CustomerPolicy = "customer";
    public const string StaffPolicy = "staff";

    public static WebApplicationBuilder AddStoreAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PasswordHashing>();
        builder.Services.AddScoped<SignInService>();
        builder.Services.AddScoped<SessionEnd>();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/access-denied";
                o.ReturnUrlParameter = "returnUrl";
                o.ExpireTimeSpan = TimeSpan.FromDays(7);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = context => ApiStatusOrRedirect(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => ApiStatusOrRedirect(context, StatusCodes.Status403Forbidden);
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(CustomerPolicy, p => p.RequireRole(CustomerRole))
            .AddPolicy(StaffPolicy, p => p.RequireRole(StaffRole));
        return builder;
    }

    public static int? CustomerId(this ClaimsPrincipal user) =>
        user.IsInRole(CustomerRole) && int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    // An API client cannot follow a redirect to an HTML form; it needs the status (the problem body comes from
    // the status-code-pages middleware).
    private static Task ApiStatusOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }
}
