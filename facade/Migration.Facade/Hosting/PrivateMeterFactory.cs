using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Migration.Facade.Hosting;

/// <summary>
/// The data plane's meter factory: the framework's meters (ASP.NET Core hosting, Kestrel) get a private name, so an exporter
/// asking for <c>Microsoft.AspNetCore.Hosting</c> (the control plane's, process-wide) never turns on a tagged histogram record
/// for every proxied request. The facade's own per-slice figures describe those requests.
/// </summary>
internal sealed class PrivateMeterFactory : IMeterFactory
{
    public const string Prefix = "Migration.Facade.DataPlane/";

    private readonly ConcurrentDictionary<(string Name, string? Version), Meter> _meters = new();

    public Meter Create(MeterOptions options) =>
        _meters.GetOrAdd((options.Name, options.Version), static (key, state) => new Meter(new MeterOptions(Prefix + key.Name)
        {
            Version = key.Version,
            Tags = state.Options.Tags,
            Scope = state.Factory,
        }), (Options: options, Factory: this));

    public void Dispose()
    {
        foreach (var meter in _meters.Values) meter.Dispose();
        _meters.Clear();
    }
}
