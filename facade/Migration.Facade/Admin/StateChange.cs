using Migration.Facade.Contracts;

namespace Migration.Facade.Admin;

/// <summary>Rules for a requested state change, checked before the store is touched.</summary>
internal static class StateChange
{
    public sealed record Error(string Field, string Message);

    public static Error? Validate(ChangeSliceStateRequest request)
    {
        if (!SliceStates.IsKnown(request.State))
        {
            return new(nameof(request.State),
                $"Unknown state '{request.State}'. Use one of: {string.Join(", ", SliceStates.All)}.");
        }
        if (Reasons.Problem(request.Reason) is { } reason)
        {
            return new(nameof(request.Reason), reason);
        }
        if (request.State == SliceStates.Canary && request.Percentage is not (>= 1 and <= 99))
        {
            return new(nameof(request.Percentage), "A canary needs a percentage between 1 and 99.");
        }
        if (request.State != SliceStates.Canary && request.Percentage is { } p && p != PercentageFor(request))
        {
            return new(nameof(request.Percentage), $"State '{request.State}' takes no percentage other than {PercentageFor(request)}.");
        }
        return null;
    }

    /// <summary>The share of traffic on the extracted side that the state implies.</summary>
    public static int PercentageFor(ChangeSliceStateRequest request) => request.State switch
    {
        SliceStates.Extracted => 100,
        SliceStates.Canary => request.Percentage ?? 0,
        _ => 0,
    };
}
