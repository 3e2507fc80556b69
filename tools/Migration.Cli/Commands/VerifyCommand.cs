using System.ComponentModel;
using System.Globalization;
using Migration.Cli.Infrastructure;
using Migration.Facade.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Migration.Cli.Commands;

internal sealed class VerifySettings : ControlPlaneSettings
{
    [CommandArgument(0, "<service>")]
    [Description("The extracted service whose copy to compare with the monolith, e.g. catalog.")]
    public string Service { get; init; } = "";
}

/// <summary>Runs data verify in the control plane and prints every mismatch; exit 7 when there is any.</summary>
internal sealed class VerifyCommand(CliHost host) : ControlPlaneCommand<VerifySettings>(host)
{
    protected override async Task<int> RunAsync(IAdminApi api, VerifySettings settings, CancellationToken cancellationToken)
    {
        var report = await api.VerifyDataAsync(settings.Service, cancellationToken);
        if (settings.Json)
        {
            WriteJson(report);
        }
        else
        {
            Render(report);
        }
        if (report.Mismatches > 0)
        {
            throw new CliException(ExitCodes.Mismatches,
                $"data verify of '{report.DataSet}' found {report.Mismatches} mismatching records");
        }
        return ExitCodes.Ok;
    }

    protected override string? NotFoundSubject(VerifySettings settings) => $"data set '{settings.Service}'";

    private static string Tables(VerifyReportDto report) => report.Tables is { Count: > 0 } t ? $" ({string.Join(", ", t)})" : "";

    private void Render(VerifyReportDto report)
    {
        Host.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{report.DataSet}{Tables(report)}: {report.MonolithCount} records in the monolith, {report.ServiceCount} in the service; " +
            $"{report.DifferingRanges} of {report.Ranges} id ranges differ, {report.RowsFetched} rows fetched, " +
            $"{report.Mismatches} mismatches ({report.ElapsedMs:0} ms)")));
        if (report.Records.Count == 0) return;
        var table = new Table().AddColumns("Table", "Id", "Kind", "Field", "Monolith", "Service");
        foreach (var record in report.Records)
        {
            foreach (var field in record.Fields)
            {
                table.AddRow(Markup.Escape(record.Table), record.Id.ToString(CultureInfo.InvariantCulture), record.Kind, Markup.Escape(field.Field),
                    Markup.Escape(field.Monolith ?? "–"), Markup.Escape(field.Service ?? "–"));
            }
        }
        Host.Out.Write(table);
        if (report.Records.Count < report.Mismatches)
        {
            Host.Out.MarkupLine(Markup.Escape($"(first {report.Records.Count} of {report.Mismatches} listed)"));
        }
    }
}
