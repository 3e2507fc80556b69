using System.Globalization;

namespace Migration.Facade.Tests.Support;

/// <summary>Reads one series from a Prometheus text scrape.</summary>
internal static class Prometheus
{
    /// <summary>The value of the series of <paramref name="metric"/> carrying all <paramref name="labels"/>; 0 when absent.</summary>
    public static double Value(string scrape, string metric, params (string Name, string Value)[] labels) =>
        scrape.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal)
                && labels.All(l => line.Contains($"{l.Name}=\"{l.Value}\"", StringComparison.Ordinal)))
            .Select(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture))
            .Sum();
}
