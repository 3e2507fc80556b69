using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Migration.Facade.Flags;

/// <summary>
/// Validates every slice's SLO, shadow and fallback settings, naming the exact key of each bad value. A name that no
/// route declares is refused too: a misspelt slice would otherwise leave its real slice without the SLOs meant for it.
/// </summary>
internal sealed class SliceSettingsValidator(SliceCatalog catalog) : IValidateOptions<SliceSettingsOptions>
{
    public ValidateOptionsResult Validate(string? name, SliceSettingsOptions options)
    {
        var failures = new List<string>();
        foreach (var (slice, settings) in options)
        {
            if (!catalog.Slices.ContainsKey(slice))
            {
                failures.Add($"{SliceSettingsOptions.Section}:{slice}: no route names this slice (ReverseProxy route metadata " +
                    $"'{SliceCatalog.SliceKey}'); known slices: {string.Join(", ", catalog.Slices.Keys)}");
            }
            Check($"{SliceSettingsOptions.Section}:{slice}:Slo", settings.Slo, failures);
            Check($"{SliceSettingsOptions.Section}:{slice}:Shadow", settings.Shadow, failures);
            Check($"{SliceSettingsOptions.Section}:{slice}:Fallback", settings.Fallback, failures);
            if (settings.Shadow is { } shadow)
            {
                failures.AddRange(shadow.Problems().Select(p => $"{SliceSettingsOptions.Section}:{slice}:Shadow:{p}"));
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string prefix, object? value, List<string> failures)
    {
        if (value is null) return;
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true);
        failures.AddRange(results.Select(r => $"{prefix}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
    }
}
