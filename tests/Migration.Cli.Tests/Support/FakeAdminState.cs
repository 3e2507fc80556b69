using System.Collections.Concurrent;
using Migration.Facade.Contracts;

namespace Migration.Cli.Tests.Support;

/// <summary>What the fake control plane knows and how it should misbehave.</summary>
internal sealed class FakeAdminState
{
    public static readonly DateTimeOffset Changed = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public ConcurrentDictionary<string, SliceDto> Slices { get; } = new(StringComparer.Ordinal)
    {
        ["catalog-read"] = new("catalog-read", SliceStates.Legacy, 0, "catalog", ["/api/products", "/api/products/{id}", "/api/categories"], 7, Changed, "alice"),
        ["orders"] = new("orders", SliceStates.Canary, 25, "orders", ["/api/orders", "/api/orders/{id}"], 3, Changed, "bob"),
        ["catalog-pages"] = new("catalog-pages", SliceStates.Extracted, 100, "catalog", ["/products"], 12, Changed, "carol"),
    };

    /// <summary>When set, every request must carry this bearer token, else 401.</summary>
    public string? RequiredToken { get; set; }

    /// <summary>A token that may read but not change (403 on PUT).</summary>
    public string? ViewerToken { get; set; }

    /// <summary>Answer an unknown slice with a bare 404, no problem body.</summary>
    public bool PlainNotFound { get; set; }

    /// <summary>Forces the PUT to answer this status with a problem body.</summary>
    public int? ChangeFailure { get; set; }

    /// <summary>How many GETs a backfill takes before it finishes.</summary>
    public int BackfillPolls { get; set; } = 3;

    public ConcurrentDictionary<string, int> BackfillGets { get; } = new();

    public IReadOnlyList<AuditEntryDto> Audit { get; } =
    [
        new(2, "orders", Changed.AddMinutes(5), "bob", SliceStates.Shadow, 0, SliceStates.Canary, 25, "first customers", 3, Forced: true),
        new(1, "catalog-pages", Changed, "carol", SliceStates.Canary, 50, SliceStates.Extracted, 100, "parity 100%", 12),
    ];

    public IReadOnlyList<SliceTrafficDto> Traffic { get; init; } =
    [
        new("orders", SliceStates.Canary, 60, new SideStatsDto(300, 3, 0.01, 12.5, 40), new SideStatsDto(100, 0, 0, 8, 20), 0.25, 2,
            new ShadowSummaryDto(0, 0, 0, 0, null)),
        new("catalog-read", SliceStates.Shadow, 60, new SideStatsDto(50, 0, 0, 5, 9), new SideStatsDto(0, 0, 0, null, null), 0, 0,
            new ShadowSummaryDto(40, 39, 1, 10, 97.5, BelowMinParity: true)),
    ];

    /// <summary>The shadow report every known slice answers (its name filled in).</summary>
    public ShadowReportDto Shadow { get; set; } = new("catalog-read", 40, 39, 1, 2, 97.5,
        new Dictionary<string, long> { ["method"] = 10 },
        [new ShadowDiffSampleDto(Changed, "GET", "/api/products/7", [new FieldDifferenceDto("body", "$.price", "10.5", "11")])]);

    public int ShadowResets;

    /// <summary>When set, a change without <c>Force</c> is refused with this reason (the facade's data gate).</summary>
    public string? GateRefusal { get; set; }

    public DataStatusDto Data { get; set; } = new("catalog", 0.4, null, Changed.AddMinutes(3), BackfillProgressDto.Completed, Changed, Changed.AddMinutes(2), 0);

    public VerifyReportDto VerifyReport { get; set; } = new("catalog", Changed, "tester", 1000, 1000, 10, 0, 0, 0, [], 812);

    public ProgressDto Progress => new(
        Slices.Count,
        Slices.Values.Count(s => s.State == SliceStates.Extracted),
        Slices.Values.Sum(s => s.Routes.Count),
        Slices.Values.Where(s => s.State == SliceStates.Extracted).Sum(s => s.Routes.Count),
        [.. Slices.Values.OrderBy(s => s.Name, StringComparer.Ordinal)]);
}
