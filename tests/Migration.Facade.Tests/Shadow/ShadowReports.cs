using System.Net.Http.Json;
using Migration.Facade.Contracts;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Shadow;

/// <summary>Reads a slice's shadow report as a viewer; comparisons finish in the background, so tests wait for a condition.</summary>
internal static class ShadowReports
{
    public static async Task<ShadowReportDto> ReportAsync(this FacadeHost facade, string slice = "catalog-read") =>
        (await facade.Viewer.GetFromJsonAsync<ShadowReportDto>($"/admin/slices/{slice}/diff"))!;

    /// <summary>
    /// The report once <paramref name="done"/> holds (or the last one read, for the assertions to explain). The deadline only
    /// bounds a failing test: a passing one returns as soon as the condition holds, however loaded the machine is.
    /// </summary>
    public static async Task<ShadowReportDto> SettledReportAsync(this FacadeHost facade, Func<ShadowReportDto, bool> done, string slice = "catalog-read")
    {
        var report = await facade.ReportAsync(slice);
        await Loopback.EventuallyAsync(async () => done(report = await facade.ReportAsync(slice)), TimeSpan.FromSeconds(30));
        return report;
    }
}
