namespace Migration.Facade.Hosting;

internal static class ClosedPathsExtensions
{
    /// <summary>
    /// Paths the monolith and the services keep for each other (the sync feed, backfill, lag, parity) answer 404 on the
    /// data plane instead of being forwarded: the catch-all route would otherwise hand them to anyone.
    /// More specific than the catch-all, so routing picks these first.
    /// </summary>
    public static WebApplication MapClosedPaths(this WebApplication app)
    {
        // Configured paths are closed in addition to the defaults, never instead of them.
        var configured = app.Configuration.GetSection(ClosedPaths.Section).Get<string[]>() ?? [];
        foreach (var prefix in ClosedPaths.Defaults.Union(configured, StringComparer.OrdinalIgnoreCase))
        {
            app.Map(prefix.TrimEnd('/') + "/{**rest}", () => TypedResults.NotFound());
        }
        return app;
    }
}

internal static class ClosedPaths
{
    public const string Section = "Facade:ClosedPaths";

    public static readonly string[] Defaults = ["/api/sync", "/internal"];
}
