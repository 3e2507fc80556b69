using EndToEnd.Tests.Infrastructure;

namespace EndToEnd.Tests.Sync;

/// <summary>The reference system on RabbitMQ, with queues of its own on the shared test broker.</summary>
public sealed class RabbitMqSystem : MigrationSystem
{
    private readonly string _prefix = $"e2e-{Guid.NewGuid():N}-"[..16];

    protected override IEnumerable<string> MessagingArguments =>
        ["--Messaging:Transport=RabbitMq", $"--Messaging:RabbitMq={TestServers.RabbitMq}", $"--Messaging:QueuePrefix={_prefix}"];

    /// <summary>On RabbitMQ a message that keeps failing goes to the broker's dead-letter queue, this system's own.</summary>
    public override async Task<bool> DeadLetteredAsync(string messageType) =>
        await TestServers.QueueDepthAsync(_prefix + "dead-letters") > 0;
}

/// <summary>All RabbitMQ tests share one collection: the outage test stops the broker they all use.</summary>
[CollectionDefinition(Name)]
public sealed class RabbitMqSystemCollection : ICollectionFixture<RabbitMqSystem>
{
    public const string Name = "rabbitmq system";
}

/// <summary>A system of its own for tests that kill Catalog.Service or feed it poison.</summary>
public sealed class CrashSystem : MigrationSystem;

[CollectionDefinition(Name)]
public sealed class CrashSystemCollection : ICollectionFixture<CrashSystem>
{
    public const string Name = "crash system";
}

/// <summary>A system of its own for the poison-message test, which leaves a record the service cannot take.</summary>
public sealed class PoisonSystem : MigrationSystem;

[CollectionDefinition(Name)]
public sealed class PoisonSystemCollection : ICollectionFixture<PoisonSystem>
{
    public const string Name = "poison system";
}
