using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace Migration.Cli.Infrastructure;

/// <summary>Adds the exit codes and environment variables to every help page.</summary>
internal sealed class ExitCodesHelpProvider(ICommandAppSettings settings) : HelpProvider(settings)
{
    public override IEnumerable<IRenderable> GetFooter(ICommandModel model, ICommandInfo? command)
    {
        var grid = Table();
        foreach (var (code, meaning) in ExitCodes.All)
        {
            grid.AddRow(code.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(meaning));
        }

        var environment = Table();
        environment.AddRow(ControlPlaneTarget.UrlVariable, $"control plane URL (default {ControlPlaneTarget.DefaultUrl})");
        environment.AddRow(ControlPlaneTarget.TokenVariable, "bearer token");
        environment.AddRow(ControlPlaneTarget.TokenFileVariable, "file holding the token (default ~/.strangler/token)");

        return
        [
            .. base.GetFooter(model, command),
            Text.NewLine,
            new Markup("[yellow]EXIT CODES:[/]"), Text.NewLine, grid,
            Text.NewLine,
            new Markup("[yellow]ENVIRONMENT:[/]"), Text.NewLine, environment,
        ];
    }

    private static Grid Table() =>
        new Grid().AddColumn(new GridColumn().PadLeft(4).PadRight(4).NoWrap()).AddColumn();
}
