namespace Catalog.Service.Hosting;

/// <summary>
/// The monolith's HTTP pipeline (legacy/Legacy.Store Hosting/StoreWebExtensions), so that users cannot tell
/// which side answered: forwarded host, gzip, and problem details for every error status.
/// </summary>
internal static class HttpConventions
{
    public static WebApplication UseHttpConventions(this WebApplication app)
    {
        app.UseBehindFacadeConventions();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
