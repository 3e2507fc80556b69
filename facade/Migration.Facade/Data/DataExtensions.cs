namespace Migration.Facade.Data;

internal static class DataExtensions
{
    /// <summary>Data verify, the data status of each service, and the gate flips pass through.</summary>
    public static WebApplicationBuilder AddDataParity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DataOptions>()
            .BindConfiguration(DataOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // Its own timeout per request (Data:RequestTimeout), not the standard resilience pipeline's 30 s in all and its
        // retries: a digest of a large data set may take longer, and a failure is reported, not repeated.
#pragma warning disable EXTEXP0001 // experimental in Microsoft.Extensions.Http.Resilience 10.x; the documented way
        builder.Services.AddHttpClient(DataSides.HttpClientName).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddSingleton<DataSides>();
        builder.Services.AddSingleton<VerifyLog>();
        builder.Services.AddSingleton<DataVerifier>();
        builder.Services.AddSingleton<DataStatusReader>();
        builder.Services.AddSingleton<DataGate>();
        return builder;
    }
}
