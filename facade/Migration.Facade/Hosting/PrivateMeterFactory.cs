using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Migration.Facade.Hosting;

/// <summary>
/// The data plane's meter factory: the framework's meters (ASP.NET Core hosting, Kestrel, its memory pool) get a private
/// name, so an exporter asking for <c>Microsoft.AspNetCore.Hosting</c> (the control plane's, process-wide) never turns on a
/// tagged histogram record for every proxied request. The facade's own per-slice figures describe those requests. The
/// prefix matches none of the facade's own meter patterns (ServiceDefaults exports <c>Migration.*</c>): measured, a
/// private name under <c>Migration.</c> was exported after all and cost the data plane 8 % of its CPU per request.
/// </summary>
internal sealed class PrivateMeterFactory : IMeterFactory
{
    public const string Prefix = "Unexported.DataPlane/";

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
