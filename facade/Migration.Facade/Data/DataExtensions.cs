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
        builder.Services.AddHttpClient(DataSides.HttpClientName);
        builder.Services.AddSingleton<DataSides>();
        builder.Services.AddSingleton<VerifyLog>();
        builder.Services.AddSingleton<DataVerifier>();
        builder.Services.AddSingleton<DataStatusReader>();
        builder.Services.AddSingleton<DataGate>();
        return builder;
    }
}
