using System.ComponentModel;
using Spectre.Console.Cli;

namespace Migration.Cli.Infrastructure;

/// <summary>Options every command shares.</summary>
internal class ControlPlaneSettings : CommandSettings
{
    [CommandOption("--url <URL>")]
    [Description("Control plane address. Default: $STRANGLER_URL, else " + ControlPlaneTarget.DefaultUrl + ".")]
    public string? Url { get; init; }

    [CommandOption("--token <TOKEN>")]
    [Description("Bearer token. Default: $STRANGLER_TOKEN, else the file at $STRANGLER_TOKEN_FILE (default ~/.strangler/token).")]
    public string? Token { get; init; }

    [CommandOption("--json")]
    [Description("Print the control plane's answer as JSON instead of tables.")]
    public bool Json { get; init; }
}
