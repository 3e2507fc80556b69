using Migration.Facade.Contracts;

namespace Migration.Facade.Metrics;

/// <summary>One side of one slice: requests and errors since start, and the rolling window's figures when they were asked for.</summary>
internal sealed record SideTotals(string Slice, string Side, long Requests, long Errors, SideStatsDto? Window);
