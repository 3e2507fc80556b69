using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Migration.Facade.Hosting;

internal static class DataPlaneHost
{
    /// <summary>A hosting category ASP.NET Core checks at Critical on every request.</summary>
    public const string HostingDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>The name of the data plane's private hosting diagnostics (an ActivitySource and a DiagnosticListener nobody listens to).</summary>
    public const string PrivateDiagnosticsName = "Migration.Facade.DataPlane.Hosting";

    /// <summary>
    /// The public port's host, built like bare YARP: <see cref="WebApplication.CreateSlimBuilder()"/>, reading the control
    /// plane's configuration (files, environment, command line, anything a test or the development token added) and logging
    /// through the control plane's providers. What ASP.NET Core would otherwise do for every request is switched off here:
    /// with <see cref="HostingDiagnostics"/> enabled at any level it opens a logging scope and an <see cref="Activity"/> per
    /// request; with anyone listening to its ActivitySource or DiagnosticListener (OpenTelemetry's ASP.NET Core
    /// instrumentation on the control plane listens process-wide) it creates that Activity anyway; with its meters exported it
    /// records a tagged histogram per request. The data plane records what it needs itself (Tracing, Metrics).
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(WebApplicationBuilder controlPlane)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = controlPlane.Environment.ApplicationName,
            EnvironmentName = controlPlane.Environment.EnvironmentName,
            ContentRootPath = controlPlane.Environment.ContentRootPath,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(controlPlane.Configuration);

        builder.Logging.ClearProviders();
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        // Last, so configuration cannot turn the per-request scope back on.
        builder.Logging.AddFilter(HostingDiagnostics, LogLevel.None);

        builder.Services.Replace(ServiceDescriptor.Singleton(new ActivitySource(PrivateDiagnosticsName)));
        builder.Services.Replace(ServiceDescriptor.Singleton(new DiagnosticListener(PrivateDiagnosticsName)));
        builder.Services.Replace(ServiceDescriptor.Singleton<IMeterFactory, PrivateMeterFactory>());
        return builder;
    }

    /// <summary>The data plane's log lines go where the control plane's go (console, OpenTelemetry, a test's capture).</summary>
    public static FacadeBuilder LogThroughControlPlane(this FacadeBuilder facade)
    {
        facade.DataPlane.Services.AddSingleton<ILoggerProvider>(_ => new ControlPlaneLoggerProvider(facade.FromControlPlane<ILoggerFactory>()));
        return facade;
    }
}
