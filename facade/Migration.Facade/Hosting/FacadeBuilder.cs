namespace Migration.Facade.Hosting;

/// <summary>
/// The facade's two hosts while they are built: the control plane (an ordinary ASP.NET Core host: admin API, flag store,
/// SLO guard, telemetry export) and the data plane (a slim host: YARP and the migration stages on the public port, and
/// nothing else). Each feature registers its services on the host that runs them; state both read (the flag snapshot,
/// traffic and shadow statistics, YARP's configuration) has one owner and is handed to the other host, never copied.
/// </summary>
internal sealed class FacadeBuilder(WebApplicationBuilder controlPlane, WebApplicationBuilder dataPlane)
{
    private IServiceProvider? _controlPlaneServices;
    private IServiceProvider? _dataPlaneServices;

    public WebApplicationBuilder ControlPlane => controlPlane;

    public WebApplicationBuilder DataPlane => dataPlane;

    public IConfiguration Configuration => controlPlane.Configuration;

    /// <summary>The data plane reads the control plane's singleton <typeparamref name="T"/>.</summary>
    public FacadeBuilder ShareWithDataPlane<T>() where T : class
    {
        dataPlane.Services.AddSingleton(_ => FromControlPlane<T>());
        return this;
    }

    /// <summary>The control plane's <typeparamref name="T"/>, once it is built.</summary>
    public T FromControlPlane<T>() where T : notnull => Built(_controlPlaneServices).GetRequiredService<T>();

    /// <summary>The control plane reads the data plane's singleton <typeparamref name="T"/>.</summary>
    public FacadeBuilder ShareWithControlPlane<T>() where T : class
    {
        controlPlane.Services.AddSingleton(_ => Built(_dataPlaneServices).GetRequiredService<T>());
        return this;
    }

    /// <summary>Builds both hosts; shared services resolve from here on (a host's pipeline is configured after this).</summary>
    public (WebApplication ControlPlane, WebApplication DataPlane) Build()
    {
        var control = controlPlane.Build();
        // Before the data plane is built: building it already creates a logger, which writes through the control plane's.
        _controlPlaneServices = control.Services;
        var data = dataPlane.Build();
        _dataPlaneServices = data.Services;
        return (control, data);
    }

    private static IServiceProvider Built(IServiceProvider? services) =>
        services ?? throw new InvalidOperationException("A shared service was asked for before both facade hosts were built.");
}
