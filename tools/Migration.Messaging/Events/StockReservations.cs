namespace Migration.Messaging.Events;

public sealed record StockLine(int ProductId, int Quantity);

/// <summary>
/// A request from a service to the monolith, which owns stock: hold these units for an order about to be placed. The
/// monolith answers with <see cref="StockReservationAnswered"/> (Wolverine request/reply: a correlation id and the
/// requester's reply address travel with the message). Reserving the same id twice holds the stock once.
/// </summary>
public sealed record ReserveStock(Guid ReservationId, int CustomerId, IReadOnlyList<StockLine> Lines);

public sealed record StockShortage(int ProductId, int OnHand, int Requested);

/// <summary>
/// The monolith's answer: held, or not held with the first line it could not hold (<see cref="Shortage"/>), or not
/// held because the reservation was released before the request arrived (no shortage).
/// </summary>
public sealed record StockReservationAnswered(Guid ReservationId, bool Held, StockShortage? Shortage);

/// <summary>
/// Give back a reservation no order will use (the order failed, or its answer never arrived in time). Releasing one
/// that was never made leaves a tombstone, so a reservation request still on its way holds nothing when it arrives.
/// </summary>
public sealed record ReleaseStock(Guid ReservationId);
