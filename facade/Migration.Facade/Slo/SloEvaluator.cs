using System.Globalization;
using Migration.Facade.Contracts;

namespace Migration.Facade.Slo;

/// <summary>One broken objective: which, what was measured, against which limit.</summary>
internal sealed record SloBreach(string Objective, double Measured, double Threshold, long Requests, TimeSpan Window)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"SLO breached: {Objective} {Measured:0.###} > {Threshold:0.###} over {Window.TotalSeconds:0} s ({Requests} requests)");
}

/// <summary>Checks a window of the extracted side against a slice's objectives. Pure, so it is tested without time.</summary>
internal static class SloEvaluator
{
    /// <summary>The first objective the window breaks, or null. <paramref name="window"/>: the span the figures cover.</summary>
    public static SloBreach? Evaluate(SloOptions slo, SideStatsDto extracted, SideStatsDto legacy, TimeSpan? window = null)
    {
        if (extracted.Requests < slo.MinRequests) return null;
        var over = window ?? slo.Window;
        SloBreach? Over(string objective, double? measured, double? threshold) =>
            measured is { } m && threshold is { } t && m > t ? new(objective, m, t, extracted.Requests, over) : null;

        // Relative limits need as much evidence on the monolith's side before they may judge.
        var legacyKnown = legacy.Requests >= slo.MinRequests;
        return Over("error rate", extracted.ErrorRate, slo.MaxErrorRate)
            ?? Over("p95 ms", extracted.P95Ms, slo.MaxP95Ms)
            ?? Over("p99 ms", extracted.P99Ms, slo.MaxP99Ms)
            ?? (legacyKnown ? Over("p95 vs legacy", Ratio(extracted.P95Ms, legacy.P95Ms), slo.MaxP95RelativeToLegacy) : null)
            ?? (legacyKnown ? Over("p99 vs legacy", Ratio(extracted.P99Ms, legacy.P99Ms), slo.MaxP99RelativeToLegacy) : null);
    }

    private static double? Ratio(double? extracted, double? legacy) =>
        extracted is { } e && legacy is { } l && l > 0 ? e / l : null;
}
