using Migration.Cli.Infrastructure;

namespace Migration.Cli.Commands;

internal sealed class FlipCommand(CliHost host) : StateChangeCommand<FlipSettings>(host)
{
    protected override (string, string, int?, string) Change(FlipSettings s) => (s.Slice, s.NormalizedState, s.Percentage, s.Reason!);
}
