using Migration.Facade.Contracts;
using Refit;

namespace Migration.Cli.Infrastructure;

/// <summary>The control plane's admin API (served by facade/Migration.Facade).</summary>
internal interface IAdminApi
{
    [Get("/admin/slices")]
    Task<IReadOnlyList<SliceDto>> GetSlicesAsync(CancellationToken cancellationToken);

    [Get("/admin/slices/{name}")]
    Task<SliceDto> GetSliceAsync(string name, CancellationToken cancellationToken);

    [Put("/admin/slices/{name}/state")]
    Task<SliceDto> ChangeStateAsync(string name, [Body] ChangeSliceStateRequest request, CancellationToken cancellationToken);

    [Get("/admin/audit")]
    Task<IReadOnlyList<AuditEntryDto>> GetAuditAsync(string? slice, int? limit, CancellationToken cancellationToken);

    [Get("/admin/progress")]
    Task<ProgressDto> GetProgressAsync(CancellationToken cancellationToken);

    [Get("/admin/traffic")]
    Task<IReadOnlyList<SliceTrafficDto>> GetTrafficAsync(CancellationToken cancellationToken);

    [Get("/admin/slices/{name}/diff")]
    Task<ShadowReportDto> GetShadowReportAsync(string name, CancellationToken cancellationToken);

    [Delete("/admin/slices/{name}/diff")]
    Task ResetShadowReportAsync(string name, CancellationToken cancellationToken);

    [Post("/admin/slices/{name}/overrides")]
    Task<SideOverrideDto> IssueOverrideAsync(string name, [Body] IssueSideOverrideRequest request, CancellationToken cancellationToken);

    [Post("/admin/slices/{name}/overrides/{id}/revoke")]
    Task<SideOverrideSummaryDto> RevokeOverrideAsync(string name, string id, [Body] RevokeSideOverrideRequest request, CancellationToken cancellationToken);

    [Post("/admin/backfills/{service}")]
    Task<BackfillProgressDto> StartBackfillAsync(string service, CancellationToken cancellationToken);

    [Post("/admin/data/{dataSet}/verify")]
    Task<VerifyReportDto> VerifyDataAsync(string dataSet, CancellationToken cancellationToken);

    [Get("/admin/data/{dataSet}")]
    Task<DataStatusDto> GetDataStatusAsync(string dataSet, CancellationToken cancellationToken);

    [Get("/admin/backfills/{service}")]
    Task<BackfillProgressDto> GetBackfillAsync(string service, CancellationToken cancellationToken);
}
