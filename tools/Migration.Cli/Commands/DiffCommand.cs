using System.ComponentModel;
using System.Globalization;
using Migration.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Migration.Cli.Commands;

internal sealed class DiffSettings : ControlPlaneSettings
{
    [CommandArgument(0, "<slice>")]
    [Description("The slice whose shadow comparison to show.")]
    public string Slice { get; init; } = "";

    [CommandOption("--reset")]
    [Description("Clear the counts and samples after showing them (operator).")]
    public bool Reset { get; init; }
}

/// <summary>Shadow parity of a slice: counts, skips and the latest differing answers.</summary>
internal sealed class DiffCommand(CliHost host) : ControlPlaneCommand<DiffSettings>(host)
{
    protected override async Task<int> RunAsync(IAdminApi api, DiffSettings settings, CancellationToken cancellationToken)
    {
        var report = await api.GetShadowReportAsync(settings.Slice, cancellationToken);
        if (settings.Reset) await api.ResetShadowReportAsync(settings.Slice, cancellationToken);
        if (settings.Json)
        {
            WriteJson(report);
            return ExitCodes.Ok;
        }
        var parity = report.ParityPercent is { } p ? p.ToString("0.##", CultureInfo.InvariantCulture) + "%" : "–";
        Host.Out.MarkupLine($"[bold]{Markup.Escape(report.Slice)}[/]: parity {parity} — {report.Compared} compared, " +
            $"{report.Matches} matched, {report.Differences} differed, {report.NoiseIgnored} noise only");
        if (report.Skipped.Count > 0)
        {
            Host.Out.MarkupLine("[grey]skipped: " + Markup.Escape(string.Join(", ",
                report.Skipped.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value}"))) + "[/]");
        }
        if (report.Samples.Count == 0) return ExitCodes.Ok;

        var table = new Table().AddColumns("When", "Request", "Kind", "Path", "Legacy", "Extracted");
        foreach (var sample in report.Samples)
        {
            foreach (var d in sample.Differences)
            {
                table.AddRow(Markup.Escape(SliceText.When(sample.At)), Markup.Escape($"{sample.Method} {sample.Path}"),
                    Markup.Escape(d.Kind), Markup.Escape(d.Path), Markup.Escape(d.Legacy ?? "(absent)"), Markup.Escape(d.Extracted ?? "(absent)"));
            }
        }
        Host.Out.Write(table);
        return ExitCodes.Ok;
    }

    protected override string? NotFoundSubject(DiffSettings settings) => $"slice '{settings.Slice}'";
}
