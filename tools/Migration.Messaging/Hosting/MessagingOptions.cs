using System.ComponentModel.DataAnnotations;

namespace Migration.Messaging.Hosting;

/// <summary>How events travel between the monolith and the services.</summary>
public enum MessagingTransport
{
    /// <summary>No server: point-to-point TCP between the processes, each keeping its durable inbox/outbox in its own database.</summary>
    Embedded,

    /// <summary>A RabbitMQ broker: durable queues, publisher confirms, manual acknowledgements, dead-letter queues.</summary>
    RabbitMq,
}

/// <summary>The <c>Messaging</c> section, the same in every process of the system.</summary>
public sealed record MessagingOptions
{
    public const string Section = "Messaging";

    public MessagingTransport Transport { get; init; } = MessagingTransport.Embedded;

    /// <summary>
    /// Embedded transport: the loopback port each node listens on, by node name (DESIGN's fixed ports by default).
    /// </summary>
    public Dictionary<string, int> Ports { get; init; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [Nodes.Monolith] = 5110,
        [Nodes.Catalog] = 5211,
        [Nodes.Orders] = 5212,
        [Nodes.Facade] = 5010,
    };

    /// <summary>Embedded transport: the host every node listens on and sends to.</summary>
    [Required]
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>RabbitMQ: <c>amqp://user:password@host:port/vhost</c>; required when <see cref="Transport"/> is RabbitMq.</summary>
    public string? RabbitMq { get; init; }

    /// <summary>
    /// RabbitMQ: put before every queue name (a node's inbox is <c>{prefix}{node}</c>, its dead letters
    /// <c>{prefix}dead-letters</c>), so several systems (environments, test runs) can share one broker.
    /// </summary>
    [RegularExpression("^[A-Za-z0-9._-]*$", ErrorMessage = "Messaging:QueuePrefix may hold letters, digits, '.', '_' and '-' only.")]
    public string QueuePrefix { get; init; } = "";

    /// <summary>
    /// How often the durable agents look for messages to send or recover (outbox after a broker outage, inbox after a
    /// crash). Wolverine's defaults leave a restarted node waiting about a minute; these bound replication lag.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan RecoveryInterval { get; init; } = TimeSpan.FromSeconds(1);
}

/// <summary>The node names of the reference system: one vocabulary for ports, queues and configuration.</summary>
public static class Nodes
{
    public const string Monolith = "monolith";
    public const string Catalog = "catalog";
    public const string Orders = "orders";
    public const string Facade = "facade";
}
