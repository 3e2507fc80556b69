using Microsoft.Extensions.Options;
using Migration.Facade.Hosting;

namespace Migration.Facade.Canary;

internal static class CanaryExtensions
{
    /// <summary>
    /// Tester overrides (kept in the flag store's snapshot) on the control plane; the sticky canary identity, read from
    /// each request, on the data plane.
    /// </summary>
    public static FacadeBuilder AddCanary(this FacadeBuilder facade)
    {
        var control = facade.ControlPlane.Services;
        control.AddOptions<CanaryOptions>()
            .BindConfiguration(CanaryOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        control.AddSingleton<SideOverrides>();
        control.AddSingleton<SideOverrideStore>();
        facade.ShareWithDataPlane<IOptions<CanaryOptions>>().ShareWithDataPlane<SideOverrides>();
        facade.DataPlane.Services.AddSingleton<UserCookieReader>();
        facade.DataPlane.Services.AddSingleton<CanaryIdentity>();
        return facade;
    }
}
