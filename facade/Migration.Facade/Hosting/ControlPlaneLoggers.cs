namespace Migration.Facade.Hosting;

/// <summary>The control plane's logger factory, as the data plane reads it (a type of its own, so it is never taken for the data plane's).</summary>
internal sealed record ControlPlaneLoggers(ILoggerFactory Factory);
