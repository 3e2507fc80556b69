using Microsoft.Extensions.Options;
using Migration.Facade.Flags;

namespace Migration.Facade.Slo;

internal static class SloExtensions
{
    /// <summary>Per-slice settings (SLOs, shadow rules), validated at start, and the guard that enforces the SLOs.</summary>
    public static WebApplicationBuilder AddSloGuard(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SliceSettingsOptions>().BindConfiguration(SliceSettingsOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SliceSettingsOptions>, SliceSettingsValidator>();
        builder.Services.AddOptions<SloGuardOptions>()
            .BindConfiguration(SloGuardOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<SloGuard>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SloGuard>());
        return builder;
    }
}
