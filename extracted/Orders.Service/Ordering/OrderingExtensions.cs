using System.Globalization;
using System.Security.Claims;
using Migration.ServiceDefaults.Identity;

namespace Orders.Service.Ordering;

internal static class OrderingExtensions
{
    /// <summary>The monolith's policy name and rule: a signed-in customer (the role travels in the facade's token).</summary>
    public const string CustomerPolicy = "customer";

    public static WebApplicationBuilder AddOrdering(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder().AddPolicy(CustomerPolicy, p => p
            .RequireRole("customer")
            .RequireAssertion(context => int.TryParse(context.User.FindFirstValue(FacadeClaims.UserId), NumberStyles.None, CultureInfo.InvariantCulture, out _)));
        builder.Services.AddScoped<OrderWriter>();
        return builder;
    }

    /// <summary>The customer the facade's token names (the policy made sure there is one).</summary>
    public static int CustomerId(this ClaimsPrincipal user) =>
        int.Parse(user.FindFirstValue(FacadeClaims.UserId)!, NumberStyles.None, CultureInfo.InvariantCulture);
}
