using Legacy.Store.Data;
using Microsoft.EntityFrameworkCore;
using Migration.Messaging.Events;

namespace Legacy.Store.Inventory;

/// <summary>
/// Holds and gives back stock for orders a service places: stock stays the monolith's, so a service asks for it. Public
/// with an internal constructor because Wolverine's generated handler code lives in an assembly of its own.
/// </summary>
public sealed class StockReservations
{
    private readonly StoreDbContext _db;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    internal StockReservations(StoreDbContext db, TimeProvider clock, ILogger<StockReservations> logger) =>
        (_db, _clock, _logger) = (db, clock, logger);

    /// <summary>Holds every line or none; asking again for the same reservation gives the first answer again.</summary>
    public async Task<StockReservationAnswered> ReserveAsync(ReserveStock request, CancellationToken cancellationToken)
    {
        if (await _db.Reservations.AsNoTracking().Include(r => r.Lines).SingleOrDefaultAsync(r => r.Id == request.ReservationId, cancellationToken)
            is { } known)
        {
            return await AnswerAgainAsync(known, cancellationToken);
        }
        var lines = request.Lines.Select(l => (l.ProductId, l.Quantity)).ToList();
        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        var shortage = await StockMoves.TakeAsync(_db, lines, cancellationToken);
        _db.Reservations.Add(new StockReservation
        {
            Id = request.ReservationId,
            CustomerId = request.CustomerId,
            Status = shortage is null ? ReservationStatus.Held : ReservationStatus.Refused,
            HeldAt = _clock.GetUtcNow().UtcDateTime,
            Lines = request.Lines.Select(l => new StockReservationLine { ProductId = l.ProductId, Quantity = l.Quantity }).ToList(),
        });
        if (shortage is not null)
        {
            // Nothing may stay taken: the statements of the lines before the short one are undone, only the refusal is kept.
            await transaction.RollbackAsync(cancellationToken);
            await _db.SaveChangesAsync(cancellationToken);
            return new StockReservationAnswered(request.ReservationId, false, shortage);
        }
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogHeld(request.ReservationId, request.CustomerId);
        return new StockReservationAnswered(request.ReservationId, true, null);
    }

    /// <summary>Gives a held reservation's stock back; a release that arrives before its reservation leaves a tombstone.</summary>
    public async Task ReleaseAsync(Guid reservationId, CancellationToken cancellationToken)
    {
        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        var reservation = await _db.Reservations.Include(r => r.Lines).SingleOrDefaultAsync(r => r.Id == reservationId, cancellationToken);
        if (reservation is null)
        {
            _db.Reservations.Add(new StockReservation { Id = reservationId, Status = ReservationStatus.Released, HeldAt = _clock.GetUtcNow().UtcDateTime });
        }
        else if (reservation.Status == ReservationStatus.Held)
        {
            await StockMoves.ReturnAsync(_db, reservation.Lines.Select(l => (l.ProductId, l.Quantity)), cancellationToken);
            reservation.Status = ReservationStatus.Released;
            LogReleased(reservationId);
        }
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<StockReservationAnswered> AnswerAgainAsync(StockReservation known, CancellationToken cancellationToken)
    {
        if (known.Status is ReservationStatus.Held or ReservationStatus.Committed)
        {
            return new StockReservationAnswered(known.Id, true, null);
        }
        if (known.Status == ReservationStatus.Released)
        {
            return new StockReservationAnswered(known.Id, false, null);
        }
        var onHand = await _db.Stock.AsNoTracking().Where(s => known.Lines.Select(l => l.ProductId).Contains(s.ProductId))
            .ToDictionaryAsync(s => s.ProductId, s => s.OnHand, cancellationToken);
        var shortLine = known.Lines.FirstOrDefault(l => onHand.GetValueOrDefault(l.ProductId) < l.Quantity) ?? known.Lines[0];
        return new StockReservationAnswered(known.Id, false, new StockShortage(shortLine.ProductId, onHand.GetValueOrDefault(shortLine.ProductId), shortLine.Quantity));
    }

    private void LogHeld(Guid reservation, int customer) => _logger.LogInformation("Reservation {ReservationId} holds stock for customer {CustomerId}", reservation, customer);

    private void LogReleased(Guid reservation) => _logger.LogInformation("Reservation {ReservationId} released", reservation);
}

/// <summary>Wolverine's entry points for the reservation messages; the answer goes back to the requester's reply address.</summary>
public static class StockReservationHandler
{
    public static Task<StockReservationAnswered> Handle(ReserveStock request, StockReservations reservations, CancellationToken cancellationToken) =>
        reservations.ReserveAsync(request, cancellationToken);

    public static Task Handle(ReleaseStock release, StockReservations reservations, CancellationToken cancellationToken) =>
        reservations.ReleaseAsync(release.ReservationId, cancellationToken);
}
