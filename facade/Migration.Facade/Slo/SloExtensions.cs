namespace Migration.Facade.Slo;

internal static class SloExtensions
{
    /// <summary>The guard that enforces each slice's SLOs (<c>Slices:&lt;name&gt;:Slo</c>, bound with the flag store's slice settings).</summary>
    public static WebApplicationBuilder AddSloGuard(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SloGuardOptions>()
            .BindConfiguration(SloGuardOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<SloGuard>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SloGuard>());
        return builder;
    }
}
