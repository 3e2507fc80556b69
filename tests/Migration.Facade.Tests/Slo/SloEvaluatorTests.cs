using Migration.Facade.Contracts;
using Migration.Facade.Slo;

namespace Migration.Facade.Tests.Slo;

public sealed class SloEvaluatorTests
{
    private static SideStatsDto Side(long requests, long errors = 0, double? p95 = 10, double? p99 = 20) =>
        new(requests, errors, requests == 0 ? 0 : (double)errors / requests, p95, p99);

    [Fact]
    public void An_error_rate_above_the_limit_is_a_breach_naming_value_and_threshold()
    {
        var breach = SloEvaluator.Evaluate(new SloOptions { MaxErrorRate = 0.05 }, Side(100, errors: 20), Side(100));

        Assert.NotNull(breach);
        Assert.Equal(("error rate", 0.2, 0.05), (breach.Objective, breach.Measured, breach.Threshold));
        Assert.Equal("SLO breached: error rate 0.2 > 0.05 over 30 s (100 requests)", breach.Describe());
    }

    [Fact]
    public void Too_few_requests_are_not_evidence()
    {
        Assert.Null(SloEvaluator.Evaluate(new SloOptions { MaxErrorRate = 0.05, MinRequests = 50 }, Side(49, errors: 49), Side(100)));
    }

    [Fact]
    public void Absolute_latency_limits()
    {
        var slo = new SloOptions { MaxP95Ms = 100, MaxP99Ms = 300 };
        Assert.Null(SloEvaluator.Evaluate(slo, Side(100, p95: 90, p99: 250), Side(0)));
        Assert.Equal("p95 ms", SloEvaluator.Evaluate(slo, Side(100, p95: 120, p99: 250), Side(0))?.Objective);
        Assert.Equal("p99 ms", SloEvaluator.Evaluate(slo, Side(100, p95: 90, p99: 400), Side(0))?.Objective);
    }

    [Fact]
    public void Relative_latency_compares_with_the_monolith_once_it_has_enough_requests()
    {
        var slo = new SloOptions { MaxP95RelativeToLegacy = 2, MinRequests = 20 };
        var slow = Side(100, p95: 50);

        Assert.Equal(5, SloEvaluator.Evaluate(slo, slow, Side(100, p95: 10))?.Measured);
        Assert.Null(SloEvaluator.Evaluate(slo, slow, Side(100, p95: 30)));
        Assert.Null(SloEvaluator.Evaluate(slo, slow, Side(5, p95: 10)));
    }

    [Fact]
    public void The_breach_names_the_span_its_figures_cover()
    {
        var breach = SloEvaluator.Evaluate(new SloOptions { MaxErrorRate = 0.05, MinRequests = 10 }, Side(143, errors: 89), Side(0),
            TimeSpan.FromSeconds(12));

        Assert.Equal("SLO breached: error rate 0.622 > 0.05 over 12 s (143 requests)", breach?.Describe());
    }

    [Fact]
    public void The_first_broken_objective_is_reported_and_limits_are_strict()
    {
        var slo = new SloOptions { MaxErrorRate = 0.1, MaxP95Ms = 50 };

        Assert.Equal("error rate", SloEvaluator.Evaluate(slo, Side(100, errors: 20, p95: 80), Side(0))?.Objective);
        Assert.Null(SloEvaluator.Evaluate(slo, Side(100, errors: 10, p95: 50), Side(0)));
    }
}
