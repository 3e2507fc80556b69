using System.ComponentModel;
using Migration.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Migration.Cli.Commands;

internal sealed class AuditSettings : ControlPlaneSettings
{
    [CommandOption("-s|--slice <SLICE>")]
    [Description("Only this slice's changes.")]
    public string? Slice { get; init; }

    [CommandOption("-n|--limit <N>")]
    [Description("At most this many entries (newest first).")]
    public int? Limit { get; init; }

    public override ValidationResult Validate() =>
        Limit is <= 0 ? ValidationResult.Error("--limit must be a positive number") : ValidationResult.Success();
}

internal sealed class AuditCommand(CliHost host) : ControlPlaneCommand<AuditSettings>(host)
{
    protected override async Task<int> RunAsync(IAdminApi api, AuditSettings settings, CancellationToken cancellationToken)
    {
        var entries = await api.GetAuditAsync(settings.Slice, settings.Limit, cancellationToken);
        if (settings.Json)
        {
            WriteJson(entries);
            return ExitCodes.Ok;
        }

        var table = new Table().AddColumns(
            new TableColumn("When").NoWrap(), new TableColumn("Slice"), new TableColumn("Actor"),
            new TableColumn("Change").NoWrap(), new TableColumn("Reason"));
        foreach (var entry in entries)
        {
            table.AddRow(
                SliceText.When(entry.At),
                Markup.Escape(entry.Slice),
                Markup.Escape(entry.Actor),
                $"{SliceText.State(entry.FromState, entry.FromPercentage)} → {SliceText.State(entry.ToState, entry.ToPercentage)}",
                (entry.Forced ? "[yellow]forced[/] " : "") + Markup.Escape(entry.Reason));
        }
        Host.Out.Write(table);
        if (entries.Count == 0)
        {
            Host.Out.MarkupLine("[grey]no changes recorded[/]");
        }
        return ExitCodes.Ok;
    }

    protected override string? NotFoundSubject(AuditSettings settings) =>
        settings.Slice is null ? null : $"slice '{settings.Slice}'";
}
