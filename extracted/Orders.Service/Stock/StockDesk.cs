using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Migration.Messaging.Events;
using Wolverine;

namespace Orders.Service.Stock;

/// <summary>The <c>Stock</c> section: how long an order waits for the monolith's answer about its stock.</summary>
internal sealed record StockOptions
{
    public const string Section = "Stock";

    /// <summary>Past this the order is refused with a 503 and whatever the monolith may still hold is released.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(5);
}

/// <summary>What the monolith said about an order's stock, or that it said nothing in time.</summary>
internal abstract record StockAnswer
{
    public sealed record Held : StockAnswer;
    public sealed record Short(StockShortage Shortage) : StockAnswer;
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : StockAnswer;
    public sealed record NoAnswer(string Reason) : StockAnswer;
}

/// <summary>Where an order's stock is held and given back.</summary>
internal interface IStockDesk
{
    Task<StockAnswer> ReserveAsync(ReserveStock request, CancellationToken cancellationToken);

    /// <summary>Gives back what the reservation may hold; safe whether or not anything is held.</summary>
    Task ReleaseAsync(Guid reservationId);
}

/// <summary>
/// Stock is the monolith's: an order asks it to hold the lines (request/reply over the bus) and gives them back when the
/// order does not happen. The release goes through the durable outbox, so it arrives even after a broker outage.
/// </summary>
internal sealed partial class StockDesk(IMessageBus bus, IOptions<StockOptions> options, ILogger<StockDesk> logger) : IStockDesk
{
    public async Task<StockAnswer> ReserveAsync(ReserveStock request, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await bus.InvokeAsync<StockReservationAnswered>(request, cancellationToken, options.Value.ReplyTimeout);
            return answer switch
            {
                { Outcome: ReservationOutcome.Held } => new StockAnswer.Held(),
                { Outcome: ReservationOutcome.Short, Shortage: { } shortage } => new StockAnswer.Short(shortage),
                { Outcome: ReservationOutcome.Invalid } => new StockAnswer.Invalid(
                    answer.Errors ?? new Dictionary<string, string[]> { ["lines"] = ["the order is not valid."] }),
                _ => new StockAnswer.NoAnswer($"the monolith answered {answer?.Outcome.ToString() ?? "nothing"}"),
            };
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A timeout, a transport that is down, or a reply that could not be read: the stock may or may not be held.
            LogNoAnswer(ex, request.ReservationId);
            return new StockAnswer.NoAnswer(ex is TimeoutException ? $"no answer within {options.Value.ReplyTimeout.TotalSeconds:0.#} s" : ex.Message);
        }
    }

    public async Task ReleaseAsync(Guid reservationId)
    {
        await bus.SendAsync(new ReleaseStock(reservationId));
        LogReleased(reservationId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No answer for stock reservation {ReservationId}; it is released")]
    private partial void LogNoAnswer(Exception exception, Guid reservationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stock reservation {ReservationId} released")]
    private partial void LogReleased(Guid reservationId);
}

internal static class StockDeskExtensions
{
    public static WebApplicationBuilder AddStockDesk(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StockOptions>()
            .BindConfiguration(StockOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<IStockDesk, StockDesk>();
        return builder;
    }
}
