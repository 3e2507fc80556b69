namespace Migration.Facade.Fallback;

internal static class FallbackExtensions
{
    /// <summary>
    /// The fallback stage and what it relies on: per-slice timeouts and deadlines, the 5xx hold-back transform and
    /// passive health checks charged to the cluster that served. Its settings (<c>Slices:&lt;name&gt;:Fallback</c>) are
    /// bound and validated with the other slice settings by the flag store.
    /// </summary>
    public static WebApplicationBuilder AddFallback(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ExtractedTimeouts>();
        builder.Services.AddSingleton<LegacyFallbackMiddleware>();
        builder.Services.AddSingleton<PassiveHealthMiddleware>();
        builder.Services.AddSingleton<Yarp.ReverseProxy.Transforms.Builder.ITransformProvider, ServerErrorHoldBack>();
        return builder;
    }
}
