using JasperFx.Core;
using Migration.Messaging.Applied;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Migration.Messaging.Hosting;

/// <summary>Retry rules a handler adds for its own events (from its <c>static Configure(HandlerChain)</c>).</summary>
public static class EventRetries
{
    /// <summary>
    /// For events that follow one another on one aggregate where no backfill repairs the copy (the monolith's copy of a
    /// service's orders): a cancellation that overtook its order after an outage waits for it about 8.5 minutes, not
    /// the default ~18 s, before it goes to the dead letters.
    /// </summary>
    public static void WaitLongForEarlierEvents(HandlerChain chain) =>
        chain.OnException<NotYetApplicableException>()
            .ScheduleRetry(250.Milliseconds(), 1.Seconds(), 2.Seconds(), 5.Seconds(), 10.Seconds(), 30.Seconds(), 1.Minutes(), 2.Minutes(), 5.Minutes())
            .Then.MoveToErrorQueue();
}
