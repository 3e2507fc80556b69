using System.ComponentModel.DataAnnotations;
using Legacy.Store.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Legacy.Store.Inventory;

/// <summary>How long stock stays held for an order that does not come (section <c>Inventory</c>).</summary>
internal sealed record InventoryOptions
{
    public const string Section = "Inventory";

    /// <summary>
    /// A held reservation older than this is released: its service crashed between the answer and the order, or its
    /// release was lost. An order that still arrives later takes its stock then (see OrderReplica).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")] public TimeSpan ReservationHold { get; init; } = TimeSpan.FromMinutes(2);
}

/// <summary>Releases reservations held longer than <see cref="InventoryOptions.ReservationHold"/>, a few times per hold.</summary>
internal sealed partial class ReservationSweeper(
    IServiceScopeFactory scopes, IOptions<InventoryOptions> options, TimeProvider clock, ILogger<ReservationSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var hold = options.Value.ReservationHold;
        using var timer = new PeriodicTimer(hold / 4, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(clock.GetUtcNow().UtcDateTime - hold, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(ex.Message);
            }
        }
    }

    /// <summary>Releases every reservation held since before <paramref name="heldBefore"/>; public to the tests.</summary>
    internal async Task<int> SweepAsync(DateTime heldBefore, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDbContext>();
        var stale = await db.Reservations.AsNoTracking().Where(r => r.Status == ReservationStatus.Held && r.HeldAt < heldBefore)
            .Select(r => r.Id).Take(500).ToListAsync(cancellationToken);
        var released = 0;
        foreach (var id in stale)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await StockReservations.ReleaseHeldAsync(db, id, cancellationToken))
            {
                released++;
                LogExpired(id);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return released;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reservation {ReservationId} was held past its hold without an order: released")]
    private partial void LogExpired(Guid reservationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing expired reservations failed: {Reason}")]
    private partial void LogSweepFailed(string reason);
}
