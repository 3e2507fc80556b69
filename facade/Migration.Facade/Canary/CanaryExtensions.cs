namespace Migration.Facade.Canary;

internal static class CanaryExtensions
{
    /// <summary>Sticky canary identity and tester overrides (both kept in the flag store's snapshot).</summary>
    public static WebApplicationBuilder AddCanary(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CanaryOptions>()
            .BindConfiguration(CanaryOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<UserCookieReader>();
        builder.Services.AddSingleton<CanaryIdentity>();
        builder.Services.AddSingleton<SideOverrides>();
        builder.Services.AddSingleton<SideOverrideStore>();
        return builder;
    }
}
