namespace Migration.Messaging.Events;

public sealed record StockLine(int ProductId, int Quantity);

/// <summary>
/// A request from a service to the monolith, which owns stock: hold these units for an order about to be placed. The
/// monolith answers with <see cref="StockReservationAnswered"/> (Wolverine request/reply: a correlation id and the
/// requester's reply address travel with the message). Reserving the same id twice holds the stock once.
/// </summary>
public sealed record ReserveStock(Guid ReservationId, int CustomerId, IReadOnlyList<StockLine> Lines);

public sealed record StockShortage(int ProductId, int OnHand, int Requested);

/// <summary>What became of a reservation request; the same answer every time the same reservation is asked for.</summary>
public enum ReservationOutcome
{
    /// <summary>Every line is held for the order.</summary>
    Held,

    /// <summary>A line is short of stock (<see cref="StockReservationAnswered.Shortage"/>): nothing is held.</summary>
    Short,

    /// <summary>The request is not a valid order (<see cref="StockReservationAnswered.Errors"/>): nothing is held.</summary>
    Invalid,

    /// <summary>The reservation was released before its request arrived: nothing is held.</summary>
    Released,
}

/// <summary>
/// The monolith's answer to <see cref="ReserveStock"/>. <see cref="Errors"/> are the order's validation errors by field, as
/// the monolith's own API words them (<c>lines[0].productId</c>: "product 7 does not exist."), so a service answers alike.
/// </summary>
public sealed record StockReservationAnswered(
    Guid ReservationId, ReservationOutcome Outcome, StockShortage? Shortage = null, IReadOnlyDictionary<string, string[]>? Errors = null);

/// <summary>
/// Give back a reservation no order will use (the order failed, or its answer never arrived in time). Releasing one
/// that was never made leaves a tombstone, so a reservation request still on its way holds nothing when it arrives.
/// </summary>
public sealed record ReleaseStock(Guid ReservationId);
