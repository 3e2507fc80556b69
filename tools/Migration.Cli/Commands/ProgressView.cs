using System.Globalization;
using Migration.Facade.Contracts;
using Spectre.Console;

namespace Migration.Cli.Commands;

internal static class ProgressView
{
    private const int BarWidth = 30;

    public static void Render(IAnsiConsole console, ProgressDto progress)
    {
        console.MarkupLine(Bar("Slices", progress.SlicesExtracted, progress.SlicesTotal));
        console.MarkupLine(Bar("Routes", progress.RoutesExtracted, progress.RoutesTotal));
        console.WriteLine();

        var table = new Table().AddColumns(
            new TableColumn("Slice"), new TableColumn("State").NoWrap(), new TableColumn("Target"),
            new TableColumn("Routes").RightAligned(), new TableColumn("Version").RightAligned(), new TableColumn("Last change"));
        foreach (var slice in progress.Slices.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            table.AddRow(
                Markup.Escape(slice.Name),
                SliceText.State(slice),
                Markup.Escape(slice.TargetCluster),
                slice.Routes.Count.ToString(CultureInfo.InvariantCulture),
                slice.Version.ToString(CultureInfo.InvariantCulture),
                Markup.Escape($"{SliceText.When(slice.UpdatedAt)} by {slice.UpdatedBy}"));
        }
        console.Write(table);
    }

    /// <summary>A static bar (not a live display) so the output is the same in a pipe or a log.</summary>
    internal static string Bar(string label, int done, int total)
    {
        var ratio = total <= 0 ? 0d : Math.Clamp((double)done / total, 0, 1);
        var filled = (int)Math.Round(ratio * BarWidth, MidpointRounding.AwayFromZero);
        var percent = (int)Math.Round(ratio * 100, MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture,
            $"{label,-7}[green]{new string('█', filled)}[/][grey]{new string('░', BarWidth - filled)}[/] {done}/{total} extracted ({percent}%)");
    }
}
