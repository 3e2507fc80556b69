using System.Text.Json;
using Spectre.Console;

namespace Migration.Cli.Infrastructure;

internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Indented = new(AdminClient.Json) { WriteIndented = true };

    /// <summary>
    /// Writes straight to the console's underlying writer: Spectre's renderer would wrap long lines
    /// and interpret brackets, and the output must stay valid JSON for pipes.
    /// </summary>
    public static void Write<T>(IAnsiConsole console, T value)
    {
        var writer = console.Profile.Out.Writer;
        writer.WriteLine(JsonSerializer.Serialize(value, Indented));
        writer.Flush();
    }
}
