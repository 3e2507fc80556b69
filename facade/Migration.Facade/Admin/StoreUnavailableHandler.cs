using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Migration.Facade.Admin;

/// <summary>
/// On the control plane, a store or a side that is busy or down (a locked SQLite file, a lost PostgreSQL connection, a
/// resilience timeout or open circuit) is a 503 to retry, not a 500: the request was fine, the moment was not.
/// </summary>
internal sealed class StoreUnavailableHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnavailable(exception)) return false;
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "1";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = "Temporarily unavailable.", Detail = "A store or service the control plane needs is busy or unreachable. Try again in a moment." },
        });
    }

    // Only what passes on a retry: a busy or locked SQLite file, a transient PostgreSQL error, a timeout or an open
    // circuit. A constraint violation or bad data is a real failure, and stays a 500.
    private static bool IsUnavailable(Exception exception) => exception switch
    {
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 } => true,
        DbException { IsTransient: true } or TimeoutException => true,
        Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException => true,
        DbUpdateException { InnerException: { } inner } => IsUnavailable(inner),
        InvalidOperationException { InnerException: { } inner } => IsUnavailable(inner),
        _ => false,
    };
}
