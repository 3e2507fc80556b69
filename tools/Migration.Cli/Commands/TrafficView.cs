using System.Globalization;
using Migration.Facade.Contracts;
using Spectre.Console;

namespace Migration.Cli.Commands;

/// <summary>Per slice: its state, where the traffic went, how each side did, shadow parity and fallbacks.</summary>
internal static class TrafficView
{
    public static void Render(IAnsiConsole console, IReadOnlyList<SliceTrafficDto> traffic)
    {
        if (traffic.Count == 0) return;
        console.WriteLine();
        var window = traffic[0].WindowSeconds;
        var table = new Table().Title($"Traffic, last {window} s").AddColumns(
            new TableColumn("Slice"), new TableColumn("State"), new TableColumn("Legacy / extracted").RightAligned(),
            new TableColumn("Errors L / E").RightAligned(), new TableColumn("p95 ms L / E").RightAligned(),
            new TableColumn("Parity").RightAligned(), new TableColumn("Fallbacks").RightAligned());
        foreach (var t in traffic.OrderBy(t => t.Slice, StringComparer.Ordinal))
        {
            // The legacy share is what the rounded extracted share leaves, so the two always add up to 100 % (7 of 8 is not 88 % / 13 %).
            var extracted = Math.Round(t.ExtractedShare * 100, MidpointRounding.AwayFromZero);
            table.AddRow(
                Markup.Escape(t.Slice),
                Markup.Escape(t.State),
                Invariant($"{100 - extracted:0}% / {extracted:0}% ({t.Legacy.Requests + t.Extracted.Requests})"),
                $"{Rate(t.Legacy)} / {Rate(t.Extracted)}",
                $"{Ms(t.Legacy.P95Ms)} / {Ms(t.Extracted.P95Ms)}",
                Parity(t.Shadow),
                t.Fallbacks.ToString(CultureInfo.InvariantCulture));
        }
        console.Write(table);
    }

    // Below the slice's minimum is shown, never acted on: a shadow is not rolled back, it is looked at.
    private static string Parity(ShadowSummaryDto shadow) => shadow.ParityPercent is not { } p ? "–"
        : shadow.BelowMinParity ? Invariant($"[red]{p:0.##}% of {shadow.Compared} (below minimum)[/]")
        : Invariant($"{p:0.##}% of {shadow.Compared}");

    private static string Rate(SideStatsDto side) => side.Requests == 0 ? "–" : Invariant($"{side.ErrorRate * 100:0.0}%");

    private static string Ms(double? ms) => ms is { } v && !double.IsInfinity(v) ? Invariant($"{v:0.#}") : "–";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
