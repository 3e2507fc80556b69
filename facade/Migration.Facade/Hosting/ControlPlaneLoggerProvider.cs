namespace Migration.Facade.Hosting;

/// <summary>
/// The data plane's only logger provider: each logger writes through the control plane's factory, so both hosts log to the
/// same sinks. The data plane's own filters run first; the control plane's factory owns (and disposes) the providers.
/// </summary>
internal sealed class ControlPlaneLoggerProvider(ILoggerFactory controlPlane) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => controlPlane.CreateLogger(categoryName);

    public void Dispose()
    {
    }
}
