namespace Migration.Messaging.Hosting;

/// <summary>What a node sends where, and whether it listens: the same wiring on either transport.</summary>
public sealed class MessagingRoutes
{
    private readonly List<(Type Message, string Node)> _sends = [];

    internal IReadOnlyList<(Type Message, string Node)> Sends => _sends;

    internal bool Listens { get; private set; }

    /// <summary>Sends each of <paramref name="messages"/> to <paramref name="node"/>.</summary>
    public MessagingRoutes Send(string node, params Type[] messages)
    {
        foreach (var message in messages)
        {
            _sends.Add((message, node));
        }
        return this;
    }

    /// <summary>This node has an inbox of its own (embedded: a port; RabbitMQ: a queue named after the node).</summary>
    public MessagingRoutes Listen()
    {
        Listens = true;
        return this;
    }
}
