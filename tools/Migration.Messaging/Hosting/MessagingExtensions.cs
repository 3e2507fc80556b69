using System.Reflection;
using System.Runtime.CompilerServices;
using JasperFx.CodeGeneration.Model;
using JasperFx.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Migration.Messaging.Applied;
using Wolverine;
using Wolverine.EntityFrameworkCore;
using Wolverine.ErrorHandling;
using Wolverine.RabbitMQ;
using Wolverine.Postgresql;
using Wolverine.Sqlite;
using Migration.Messaging.Storage;
using Wolverine.Transports.Tcp;

namespace Migration.Messaging.Hosting;

public static class MessagingExtensions
{
    /// <summary>
    /// Wires this process into the system's messaging with Wolverine: a durable outbox and inbox in the node's own
    /// database (<paramref name="storage"/> on <paramref name="provider"/>, never a shared one), retries and dead
    /// letters, and the transport chosen by <c>Messaging:Transport</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static WebApplicationBuilder AddMessaging(
        this WebApplicationBuilder builder, string node, DatabaseProvider provider, string storage, Action<MessagingRoutes> routes)
    {
        // Wolverine looks for handlers in its "application assembly", by default the one calling UseWolverine: this
        // library. The caller's assembly is the service's own.
        var application = Assembly.GetCallingAssembly();
        builder.Services.AddOptions<MessagingOptions>()
            .BindConfiguration(MessagingOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<EventLedger>();

        // Wolverine's wiring is fixed when the host is built, so the section is read (and checked) here.
        var options = builder.Configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
        var wiring = new MessagingRoutes();
        routes(wiring);
        MessagingOptionsCheck.ThrowIfInvalid(options, node, wiring);

        builder.UseWolverine(opts =>
        {
            opts.ServiceName = node;
            opts.ApplicationAssembly = application;
            opts.UseRuntimeCompilation();
            // Services keep their types internal (and register some with factories); Wolverine's generated handler
            // code is compiled into an assembly of its own, so it may resolve those from the container.
            opts.ServiceLocationPolicy = ServiceLocationPolicy.AlwaysAllowed;
            opts.Durability.Mode = DurabilityMode.Solo;
            if (provider == DatabaseProvider.Postgres)
            {
                opts.PersistMessagesWithPostgresql(storage, "wolverine");
            }
            else
            {
                opts.PersistMessagesWithSqlite(storage);
            }
            opts.UseEntityFrameworkCoreTransactions();
            TuneRecovery(opts.Durability, options.RecoveryInterval);

            // SQLite allows one writer at a time: a handler can meet "database is locked" while the durability agent
            // writes, and a backfill may insert the same ledger row at the same moment (a unique violation). Both pass
            // on a retry. An event that needs data not copied yet waits longer. Anything else is retried twice, then
            // goes to the dead letters (a poison message never blocks the ones behind it).
            opts.OnException<SqliteException>().RetryWithCooldown(50.Milliseconds(), 100.Milliseconds(), 250.Milliseconds(), 1.Seconds());
            opts.OnException<DbUpdateException>().RetryWithCooldown(50.Milliseconds(), 250.Milliseconds(), 1.Seconds());
            opts.OnException<Npgsql.NpgsqlException>(e => e.IsTransient)
                .RetryWithCooldown(250.Milliseconds(), 1.Seconds(), 2.Seconds())
                .Then.ScheduleRetry(5.Seconds(), 10.Seconds(), 30.Seconds());
            // Scheduled, not inline: the listener goes on with the events behind it meanwhile.
            opts.OnException<NotYetApplicableException>()
                .ScheduleRetry(250.Milliseconds(), 1.Seconds(), 2.Seconds(), 5.Seconds(), 10.Seconds())
                .Then.MoveToErrorQueue();
            opts.OnAnyException().RetryTimes(2).Then.MoveToErrorQueue();

            switch (options.Transport)
            {
                case MessagingTransport.Embedded:
                    UseEmbedded(opts, options, node, wiring);
                    break;
                case MessagingTransport.RabbitMq:
                    UseRabbitMq(opts, options, node, wiring);
                    break;
            }
        });
        builder.Services.AddHostedService<HandlerWarmUp>();
        return builder;
    }

    private static void UseEmbedded(WolverineOptions opts, MessagingOptions options, string node, MessagingRoutes wiring)
    {
        if (wiring.Listens)
        {
            // One at a time: SQLite has one writer anyway, and events of one product then apply in order.
            opts.ListenAtPort(options.Ports[node], options.Host).UseDurableInbox().Sequential();
        }
        foreach (var (message, target) in wiring.Sends)
        {
            Tune(opts.PublishMessage(message).ToServerAndPort(options.Host, options.Ports[target]).UseDurableOutbox().Endpoint);
        }
        // A reply (request/reply, e.g. a stock reservation's answer) goes to the requester's listener, an endpoint
        // Wolverine makes on first use with the defaults above, which no sender policy reaches: made here, for every node.
        foreach (var (other, port) in options.Ports.Where(p => !string.Equals(p.Key, node, StringComparison.OrdinalIgnoreCase)))
        {
            foreach (var host in new[] { "localhost", options.Host }.Distinct())
            {
                Tune(opts.Transports.GetOrCreateEndpoint(new Uri($"tcp://{host}:{port}")));
            }
        }
    }

    // The TCP sender batches for 250 ms by default; a sync link wants its events now. A receiver that comes back is
    // probed every 250 ms (default 1 s).
    private static void Tune(Wolverine.Configuration.Endpoint endpoint)
    {
        endpoint.MessageBatchTimeout = TimeSpan.FromMilliseconds(5);
        endpoint.PingIntervalForCircuitResume = TimeSpan.FromMilliseconds(250);
    }

    private static void UseRabbitMq(WolverineOptions opts, MessagingOptions options, string node, MessagingRoutes wiring)
    {
        // Durable queues and manual acknowledgements (a message is acked once it is in the durable inbox) are
        // Wolverine's defaults for RabbitMQ; publisher confirms are not, so the outbox would delete a row the broker
        // never took: they are switched on. AutoProvision declares each queue and the dead-letter queue at start-up.
        opts.UseRabbitMq(new Uri(options.RabbitMq!))
            .ConfigureChannelCreation(channel =>
            {
                channel.PublisherConfirmationsEnabled = true;
                channel.PublisherConfirmationTrackingEnabled = true;
            })
            .AutoProvision()
            .CustomizeDeadLetterQueueing(new DeadLetterQueue(options.QueuePrefix + "dead-letters"));
        if (wiring.Listens)
        {
            opts.ListenToRabbitQueue(options.QueuePrefix + node).UseDurableInbox().Sequential();
        }
        foreach (var (message, target) in wiring.Sends)
        {
            opts.PublishMessage(message).ToRabbitQueue(options.QueuePrefix + target).UseDurableOutbox();
        }
    }

    /// <remarks>
    /// Wolverine's defaults start recovery ~4-5 s after a start and poll every 5 s, 100 envelopes at a time; and an
    /// envelope whose send was cut short by a receiver crash stays in the outbox unless it may go stale
    /// (<c>OutboxStaleTime</c>), until the sender restarts. Measured in a two-process spike on this machine.
    /// </remarks>
    private static void TuneRecovery(DurabilitySettings durability, TimeSpan interval)
    {
        durability.ScheduledJobFirstExecution = TimeSpan.FromMilliseconds(200);
        durability.ScheduledJobPollingTime = interval;
        durability.FirstNodeReassignmentExecution = TimeSpan.FromMilliseconds(200);
        durability.NodeReassignmentPollingTime = interval;
        durability.OutboxStaleTime = TimeSpan.FromSeconds(5);
        durability.InboxStaleTime = TimeSpan.FromSeconds(5);
        durability.RecoveryBatchSize = 500;
    }
}
