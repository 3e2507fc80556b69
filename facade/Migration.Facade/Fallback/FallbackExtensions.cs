using Migration.Facade.Hosting;

namespace Migration.Facade.Fallback;

internal static class FallbackExtensions
{
    /// <summary>
    /// The fallback stage and what it relies on: per-slice timeouts and deadlines, the hold-back transform (a 5xx or 405 to
    /// a safe request) and passive health checks charged to the cluster that served. Its settings
    /// (<c>Slices:&lt;name&gt;:Fallback</c>) are bound and validated with the other slice settings by the flag store.
    /// </summary>
    public static FacadeBuilder AddFallback(this FacadeBuilder facade)
    {
        var services = facade.DataPlane.Services;
        services.AddSingleton<ExtractedTimeouts>();
        services.AddSingleton<LegacyFallbackMiddleware>();
        services.AddSingleton<PassiveHealthMiddleware>();
        services.AddSingleton<Yarp.ReverseProxy.Transforms.Builder.ITransformProvider, ExtractedHoldBack>();
        return facade;
    }
}
