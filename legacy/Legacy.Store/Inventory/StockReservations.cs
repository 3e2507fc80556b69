using Legacy.Store.Contracts;
using Legacy.Store.Data;
using Legacy.Store.Orders;
using Microsoft.EntityFrameworkCore;
using Migration.Messaging.Events;

namespace Legacy.Store.Inventory;

/// <summary>
/// Holds and gives back stock for orders a service places: stock stays the monolith's, so a service asks for it. Public
/// with an internal constructor because Wolverine's generated handler code lives in an assembly of its own.
/// </summary>
public sealed partial class StockReservations
{
    private const string BeforeLines = "before_lines";
    private readonly StoreDbContext _db;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    internal StockReservations(StoreDbContext db, TimeProvider clock, ILogger<StockReservations> logger) =>
        (_db, _clock, _logger) = (db, clock, logger);

    /// <summary>Holds every line or none; asking again for the same reservation gives the first answer again.</summary>
    public async Task<StockReservationAnswered> ReserveAsync(ReserveStock request, CancellationToken cancellationToken)
    {
        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        if (await _db.Reservations.AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.ReservationId, cancellationToken) is { } known)
        {
            return Answer(known, known.Status == ReservationStatus.Refused ? await ErrorsAsync(request.Lines, cancellationToken) : null);
        }
        var reservation = new StockReservation
        {
            Id = request.ReservationId,
            Status = ReservationStatus.Held,
            HeldAt = _clock.GetUtcNow().UtcDateTime,
            Lines = request.Lines.Select(l => new StockReservationLine { ProductId = l.ProductId, Quantity = l.Quantity }).ToList(),
        };
        var errors = await ErrorsAsync(request.Lines, cancellationToken);
        if (errors is not null)
        {
            (reservation.Status, reservation.Problem, reservation.Lines) = (ReservationStatus.Refused, Summary(errors), []);
        }
        else
        {
            await transaction.CreateSavepointAsync(BeforeLines, cancellationToken);
            if (await StockMoves.TakeAsync(_db, request.Lines.Select(l => (l.ProductId, l.Quantity)), cancellationToken) is { } shortage)
            {
                // Nothing may stay taken: the lines before the short one are undone, only the refusal is kept.
                await transaction.RollbackToSavepointAsync(BeforeLines, cancellationToken);
                (reservation.Status, reservation.ShortProductId, reservation.ShortOnHand, reservation.ShortRequested) =
                    (ReservationStatus.Refused, shortage.ProductId, shortage.OnHand, shortage.Requested);
            }
        }
        _db.Reservations.Add(reservation);
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogAnswered(request.ReservationId, request.CustomerId, reservation.Status);
        return Answer(reservation, errors);
    }

    /// <summary>Gives a held reservation's stock back, once; a release that arrives before its reservation leaves a tombstone.</summary>
    public async Task ReleaseAsync(Guid reservationId, CancellationToken cancellationToken)
    {
        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        if (await ReleaseHeldAsync(_db, reservationId, cancellationToken))
        {
            LogReleased(reservationId);
        }
        else if (!await _db.Reservations.AnyAsync(r => r.Id == reservationId, cancellationToken))
        {
            _db.Reservations.Add(new StockReservation { Id = reservationId, Status = ReservationStatus.Released, HeldAt = _clock.GetUtcNow().UtcDateTime });
            await _db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Moves a reservation from held to released and returns its stock, or does nothing when it is not held (any more):
    /// the status changes in one guarded statement, so a release and a commit racing for it cannot both win.
    /// </summary>
    internal static async Task<bool> ReleaseHeldAsync(StoreDbContext db, Guid reservationId, CancellationToken cancellationToken)
    {
        if (await db.Reservations.Where(r => r.Id == reservationId && r.Status == ReservationStatus.Held)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReservationStatus.Released), cancellationToken) == 0)
        {
            return false;
        }
        var lines = await db.Set<StockReservationLine>().Where(l => l.ReservationId == reservationId)
            .Select(l => new { l.ProductId, l.Quantity }).ToListAsync(cancellationToken);
        await StockMoves.ReturnAsync(db, lines.Select(l => (l.ProductId, l.Quantity)), cancellationToken);
        return true;
    }

    // An order's own rules (lines, quantities, one line per product), and only products that exist: the errors the
    // monolith's API would answer, null when there are none. Worked out again when the same request is asked again.
    private async Task<Dictionary<string, string[]>?> ErrorsAsync(IReadOnlyList<StockLine> lines, CancellationToken cancellationToken)
    {
        if (OrderValidation.Validate(lines.Select(l => new OrderLineRequest(l.ProductId, l.Quantity)).ToList()) is { } errors)
        {
            return errors;
        }
        var ids = lines.Select(l => l.ProductId).ToList();
        var existing = (await _db.Products.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
        var unknown = lines.Select((l, i) => (i, l.ProductId)).Where(x => !existing.Contains(x.ProductId)).ToList();
        return unknown.Count > 0 ? OrderValidation.UnknownProducts(unknown) : null;
    }

    // The stored reason, for people reading the table: its column holds 500 characters.
    private static string Summary(Dictionary<string, string[]> errors)
    {
        var text = string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
        return text.Length <= 500 ? text : text[..497] + "...";
    }

    private static StockReservationAnswered Answer(StockReservation r, Dictionary<string, string[]>? errors) => r.Status switch
    {
        ReservationStatus.Held or ReservationStatus.Committed => new(r.Id, ReservationOutcome.Held),
        ReservationStatus.Released => new(r.Id, ReservationOutcome.Released),
        _ when r.ShortProductId is { } product => new(r.Id, ReservationOutcome.Short, new StockShortage(product, r.ShortOnHand ?? 0, r.ShortRequested ?? 0)),
        _ => new(r.Id, ReservationOutcome.Invalid, Errors: errors ?? new Dictionary<string, string[]> { ["lines"] = [r.Problem ?? "not a valid order."] }),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Reservation {ReservationId} for customer {CustomerId}: {Status}")]
    private partial void LogAnswered(Guid reservationId, int customerId, ReservationStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reservation {ReservationId} released")]
    private partial void LogReleased(Guid reservationId);
}

/// <summary>Wolverine's entry points for the reservation messages; the answer goes back to the requester's reply address.</summary>
public static class StockReservationHandler
{
    public static Task<StockReservationAnswered> Handle(ReserveStock request, StockReservations reservations, CancellationToken cancellationToken) =>
        reservations.ReserveAsync(request, cancellationToken);

    public static Task Handle(ReleaseStock release, StockReservations reservations, CancellationToken cancellationToken) =>
        reservations.ReleaseAsync(release.ReservationId, cancellationToken);
}
