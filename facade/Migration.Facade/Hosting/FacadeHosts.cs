namespace Migration.Facade.Hosting;

/// <summary>
/// The facade's two hosts in one process. The control plane starts first (the flag store loads the snapshot the data plane
/// serves from) and stops last; either one stopping (Ctrl+C, SIGTERM, a fatal error) stops the facade.
/// </summary>
public sealed class FacadeHosts(WebApplication controlPlane, WebApplication dataPlane) : IAsyncDisposable
{
    public WebApplication ControlPlane => controlPlane;

    public WebApplication DataPlane => dataPlane;

    /// <summary>The control plane's services: the owner of the state both hosts share.</summary>
    public IServiceProvider Services => controlPlane.Services;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await controlPlane.StartAsync(cancellationToken);
        try
        {
            await dataPlane.StartAsync(cancellationToken);
        }
        catch
        {
            await controlPlane.StopAsync(CancellationToken.None);
            throw;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await dataPlane.StopAsync(cancellationToken);
        await controlPlane.StopAsync(cancellationToken);
    }

    public async Task RunAsync()
    {
        await StartAsync();
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (controlPlane.Lifetime.ApplicationStopping.Register(() => stopping.TrySetResult()))
        using (dataPlane.Lifetime.ApplicationStopping.Register(() => stopping.TrySetResult()))
        {
            await stopping.Task;
        }
        await StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await dataPlane.DisposeAsync();
        await controlPlane.DisposeAsync();
    }
}
