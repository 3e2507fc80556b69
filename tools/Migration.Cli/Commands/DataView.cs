using System.Globalization;
using Migration.Facade.Contracts;
using Spectre.Console;

namespace Migration.Cli.Commands;

/// <summary>Per service: how far its copy lags the monolith, its last backfill and its last verify.</summary>
internal static class DataView
{
    public static void Render(IAnsiConsole console, IReadOnlyList<DataStatusDto> data)
    {
        if (data.Count == 0) return;
        console.WriteLine();
        var table = new Table().Title("Data").AddColumns(
            new TableColumn("Service"), new TableColumn("Replication lag").RightAligned(), new TableColumn("Backfill"), new TableColumn("Last verify"));
        foreach (var d in data)
        {
            table.AddRow(Markup.Escape(d.DataSet), Lag(d), Markup.Escape(Backfill(d)), Verify(d));
        }
        console.Write(table);
    }

    // A copy never backfilled lags by the age of the monolith's oldest data: days, not seconds.
    private static string Lag(DataStatusDto d) => d.LagSeconds switch
    {
        null => $"[red]unknown[/] {Markup.Escape(d.LagError ?? "")}",
        >= 60 and double lag => $"[red]{LagText.Format(lag)}[/]",
        double lag => LagText.Format(lag),
    };

    private static string Backfill(DataStatusDto d) => d.LastBackfillAt is { } at ? $"{d.BackfillStatus} {At(at)}" : d.BackfillStatus ?? "–";

    private static string Verify(DataStatusDto d) => d.LastVerifyAt is not { } at ? "never"
        : d.LastVerifyMismatches is > 0 ? $"[red]{d.LastVerifyMismatches} mismatches[/] {At(at)}"
        : $"clean {At(at)}";

    private static string At(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
