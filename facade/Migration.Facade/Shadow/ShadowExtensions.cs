using Microsoft.Extensions.Options;
using Migration.Facade.Hosting;

namespace Migration.Facade.Shadow;

internal static class ShadowExtensions
{
    /// <summary>
    /// The bounded mirror queue, its workers and the shadow stage on the data plane; the statistics the admin API reads on
    /// the control plane.
    /// </summary>
    public static FacadeBuilder AddShadowTraffic(this FacadeBuilder facade)
    {
        var control = facade.ControlPlane.Services;
        control.AddOptions<ShadowQueueOptions>()
            .BindConfiguration(ShadowQueueOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        control.AddSingleton<ShadowStatistics>();
        facade.ShareWithDataPlane<IOptions<ShadowQueueOptions>>().ShareWithDataPlane<ShadowStatistics>();

        var data = facade.DataPlane.Services;
        data.AddSingleton(sp =>
        {
            var shadow = sp.GetRequiredService<IOptions<ShadowQueueOptions>>().Value;
            return new MirrorQueue(shadow.QueueCapacity, shadow.QueueBytes);
        });
        data.AddSingleton<ShadowMiddleware>();
        data.AddHostedService<ShadowWorker>();
        data.AddSingleton(_ => ShadowTransport.Create());
        return facade;
    }
}
