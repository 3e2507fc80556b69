using Legacy.Store.Customers;
using Legacy.Store.Orders;

namespace Legacy.Store.Hosting;

/// <summary>The web behaviour a real app has and the facade must carry untouched.</summary>
internal static class StoreWebExtensions
{
    public static WebApplicationBuilder AddStoreWeb(this WebApplicationBuilder builder)
    {
        builder.AddBehindFacadeConventions();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<OrderService>();
        builder.Services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Orders", StoreAuth.CustomerPolicy);
        });
        builder.Services.AddAntiforgery(o => o.Cookie.Name = ".Store.Antiforgery");
        return builder;
    }

    public static WebApplication UseStoreWeb(this WebApplication app)
    {
        app.UseBehindFacadeConventions();
        app.UseExceptionHandler();
        // API paths get problem details; pages get the HTML 404 page.
        app.UseWhen(IsApi, b => b.UseStatusCodePages());
        app.UseWhen(c => !IsApi(c), b => b.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
