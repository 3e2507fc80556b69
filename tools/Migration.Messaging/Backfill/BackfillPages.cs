using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Migration.Messaging.Backfill;

/// <summary>The rules every backfill pages by.</summary>
public static partial class BackfillPages
{
    /// <summary>
    /// An event may write one of the rows being copied at the same moment (a unique violation or a concurrency conflict
    /// on the ledger): the copy is then offered once more from a clean tracker, and the versions decide.
    /// </summary>
    public static async Task RetryingRacesAsync(DbContext db, Func<Task> copy, string what, ILogger logger)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await copy();
                return;
            }
            catch (DbUpdateException ex) when (attempt < 5)
            {
                LogRace(logger, what, ex.InnerException?.Message ?? ex.Message);
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The owner's <c>X-Total-Count</c>: for progress only, never for deciding that a copy is complete.</summary>
    public static int? TotalCount(HttpResponseHeaders? headers) =>
        headers is not null && headers.TryGetValues("X-Total-Count", out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var total)
            ? total
            : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Backfill of {What} met a concurrent event ({Reason}); retrying")]
    private static partial void LogRace(ILogger logger, string what, string reason);
}
