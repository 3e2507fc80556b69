using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Migration.Facade.Hosting;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Hosting;

/// <summary>The data plane pays for nothing ASP.NET Core would otherwise do for every request, and still logs where the control plane does.</summary>
public sealed class DataPlaneHostTests
{
    [Fact]
    public async Task The_data_plane_opens_no_request_scope_whatever_the_configuration_says()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("{}"), ScriptedBackend.Json("{}"),
            new Dictionary<string, string?> { [$"Logging:LogLevel:{DataPlaneHost.HostingDiagnostics}"] = "Information" });

        // ASP.NET Core opens a scope and an Activity per request when this logger is enabled at Critical.
        Assert.False(bed.Facade.DataPlaneServices.GetRequiredService<ILoggerFactory>()
            .CreateLogger(DataPlaneHost.HostingDiagnostics).IsEnabled(LogLevel.Critical));
        Assert.True(bed.Facade.Services.GetRequiredService<ILoggerFactory>()
            .CreateLogger(DataPlaneHost.HostingDiagnostics).IsEnabled(LogLevel.Information));
    }

    [Fact]
    public async Task The_data_planes_hosting_diagnostics_are_its_own()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("{}"), ScriptedBackend.Json("{}"));
        var services = bed.Facade.DataPlaneServices;

        Assert.Equal(DataPlaneHost.PrivateDiagnosticsName, services.GetRequiredService<ActivitySource>().Name);
        Assert.Equal(DataPlaneHost.PrivateDiagnosticsName, services.GetRequiredService<DiagnosticListener>().Name);
        using var meter = services.GetRequiredService<IMeterFactory>().Create(new MeterOptions("Microsoft.AspNetCore.Hosting"));
        Assert.Equal(PrivateMeterFactory.Prefix + "Microsoft.AspNetCore.Hosting", meter.Name);
        Assert.Equal("Microsoft.AspNetCore", bed.Facade.Services.GetRequiredService<ActivitySource>().Name);
    }

    [Fact]
    public async Task No_exporter_turns_on_an_instrument_of_the_data_planes_framework()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("{}"), ScriptedBackend.Json("{}"));
        (await bed.Facade.Public.GetAsync("/anything")).EnsureSuccessStatusCode();
        var factory = bed.Facade.DataPlaneServices.GetRequiredService<IMeterFactory>();

        // A listener is told of every instrument already published; Enabled says whether any listener (the control
        // plane's exporters included: they ask for Migration.* and ASP.NET Core's meters) records it.
        var published = new List<Instrument>();
        using var listener = new MeterListener { InstrumentPublished = (instrument, _) => { lock (published) published.Add(instrument); } };
        listener.Start();

        Instrument[] dataPlane;
        lock (published) dataPlane = [.. published.Where(i => ReferenceEquals(i.Meter.Scope, factory))];
        Assert.Contains(dataPlane, i => i.Name == "http.server.request.duration");
        Assert.All(dataPlane, i => Assert.False(i.Enabled, $"{i.Meter.Name}/{i.Name} is recorded"));
    }

    [Fact]
    public async Task The_data_plane_logs_through_the_control_planes_providers()
    {
        var logs = new CapturedLogs();
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("{}"), ScriptedBackend.Json("{}"),
            services: services => services.AddSingleton<ILoggerProvider>(logs));

        bed.Facade.DataPlaneServices.GetRequiredService<ILogger<DataPlaneHostTests>>().LogWarning("written on the data plane");

        Assert.Contains("written on the data plane", logs.Messages);
    }

    [Fact]
    public void The_private_meter_factory_hands_out_one_renamed_meter_per_name_and_version()
    {
        using var factory = new PrivateMeterFactory();

        var kestrel = factory.Create(new MeterOptions("Microsoft.AspNetCore.Server.Kestrel"));

        Assert.Same(kestrel, factory.Create(new MeterOptions("Microsoft.AspNetCore.Server.Kestrel")));
        Assert.NotSame(kestrel, factory.Create(new MeterOptions("Microsoft.AspNetCore.Server.Kestrel") { Version = "2" }));
        Assert.Equal((PrivateMeterFactory.Prefix + "Microsoft.AspNetCore.Server.Kestrel", (object)factory), (kestrel.Name, kestrel.Scope!));
    }
}
