using System.Globalization;
using Migration.Facade.Contracts;
using Spectre.Console;

namespace Migration.Cli.Commands;

/// <summary>How slices and their states read in tables, shared by status, flip and audit.</summary>
internal static class SliceText
{
    public static string State(SliceDto slice) => State(slice.State, slice.Percentage);

    public static string State(string state, int percentage)
    {
        var text = state == SliceStates.Canary
            ? string.Create(CultureInfo.InvariantCulture, $"{state} {percentage}%")
            : state;
        var color = state switch
        {
            SliceStates.Extracted => "green",
            SliceStates.Canary => "yellow",
            SliceStates.Shadow => "blue",
            _ => "grey",
        };
        return $"[{color}]{Markup.Escape(text)}[/]";
    }

    public static string When(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
