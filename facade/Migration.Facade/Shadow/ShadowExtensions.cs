using System.Threading.Channels;
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
        builder.Services.AddSingleton(sp => Channel.CreateBounded<ShadowJob>(
            new BoundedChannelOptions(sp.GetRequiredService<IOptions<ShadowQueueOptions>>().Value.QueueCapacity)
            {
                // TryWrite on a full queue returns false at once: the mirror is shed, the user never waits.
                FullMode = BoundedChannelFullMode.Wait,
                SingleWriter = false,
            }));
        builder.Services.AddSingleton<ShadowStatistics>();
        builder.Services.AddSingleton<ShadowMiddleware>();
        builder.Services.AddHostedService<ShadowWorker>();
        builder.Services.AddSingleton(_ => ShadowTransport.Create());
        return builder;
    }
}
