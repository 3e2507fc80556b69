using System.Collections.Concurrent;
using Migration.Messaging.Events;
using Orders.Service.Stock;

namespace Orders.Service.Tests.Infrastructure;

/// <summary>The monolith's stock, as the order sees it: answers what the test says and remembers what was asked.</summary>
internal sealed class FakeStockDesk : IStockDesk
{
    /// <summary>The answer to every reservation; held unless a test says otherwise.</summary>
    public StockAnswer Answer { get; set; } = new StockAnswer.Held();

    public ConcurrentQueue<ReserveStock> Reservations { get; } = new();

    public ConcurrentQueue<Guid> Releases { get; } = new();

    public Task<StockAnswer> ReserveAsync(ReserveStock request, CancellationToken cancellationToken)
    {
        Reservations.Enqueue(request);
        return Task.FromResult(Answer);
    }

    public Task ReleaseAsync(Guid reservationId)
    {
        Releases.Enqueue(reservationId);
        return Task.CompletedTask;
    }
}
