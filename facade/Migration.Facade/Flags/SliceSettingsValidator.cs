using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Migration.Facade.Flags;

/// <summary>Validates every slice's SLO and shadow settings, naming the exact key of each bad value.</summary>
internal sealed class SliceSettingsValidator : IValidateOptions<SliceSettingsOptions>
{
    public ValidateOptionsResult Validate(string? name, SliceSettingsOptions options)
    {
        var failures = new List<string>();
        foreach (var (slice, settings) in options)
        {
            Check($"{SliceSettingsOptions.Section}:{slice}:Slo", settings.Slo, failures);
            Check($"{SliceSettingsOptions.Section}:{slice}:Shadow", settings.Shadow, failures);
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
