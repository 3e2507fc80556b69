using Microsoft.Extensions.Options;

namespace Migration.Facade.Shadow;

internal static class ShadowExtensions
{
    /// <summary>The bounded mirror queue, its workers and the statistics the admin API reads.</summary>
    public static WebApplicationBuilder AddShadowTraffic(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ShadowQueueOptions>()
            .BindConfiguration(ShadowQueueOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(sp =>
        {
            var shadow = sp.GetRequiredService<IOptions<ShadowQueueOptions>>().Value;
            return new MirrorQueue(shadow.QueueCapacity, shadow.QueueBytes);
        });
        builder.Services.AddSingleton<ShadowStatistics>();
        builder.Services.AddSingleton<ShadowMiddleware>();
        builder.Services.AddHostedService<ShadowWorker>();
        builder.Services.AddSingleton(_ => ShadowTransport.Create());
        return builder;
    }
}
