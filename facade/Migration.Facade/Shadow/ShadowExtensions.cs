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
        // Own client without the default resilience handler: a mirror is sent once, never retried (it may be a POST).
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented way out.
        builder.Services.AddHttpClient(ShadowWorker.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        return builder;
    }
}
