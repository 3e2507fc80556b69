using Migration.Cli.Commands;

namespace Migration.Cli.Tests.Unit;

public sealed class ProgressBarTests
{
    [Theory]
    [InlineData(0, 4, 0, "0/4 extracted (0%)")]
    [InlineData(1, 3, 10, "1/3 extracted (33%)")]
    [InlineData(4, 4, 30, "4/4 extracted (100%)")]
    [InlineData(0, 0, 0, "0/0 extracted (0%)")]
    public void Bar_fills_in_proportion(int done, int total, int filled, string suffix)
    {
        var bar = ProgressView.Bar("Slices", done, total);

        Assert.Equal(filled, bar.Count(c => c == '█'));
        Assert.Equal(30 - filled, bar.Count(c => c == '░'));
        Assert.EndsWith(suffix, bar);
    }
}
