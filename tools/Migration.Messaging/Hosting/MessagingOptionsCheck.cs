using Microsoft.Extensions.Options;

namespace Migration.Messaging.Hosting;

/// <summary>Start-up checks that name the bad setting, since Wolverine's wiring is built from the section directly.</summary>
internal static class MessagingOptionsCheck
{
    public static void ThrowIfInvalid(MessagingOptions options, string node, MessagingRoutes wiring)
    {
        var errors = new List<string>();
        if (options.Transport == MessagingTransport.RabbitMq
            && !Uri.TryCreate(options.RabbitMq, UriKind.Absolute, out _))
        {
            errors.Add("Messaging:RabbitMq must be an amqp:// URI when Messaging:Transport is RabbitMq.");
        }
        if (options.Transport == MessagingTransport.Embedded)
        {
            var nodes = wiring.Sends.Select(s => s.Node).Concat(wiring.Listens ? [node] : []).Distinct(StringComparer.OrdinalIgnoreCase);
            foreach (var name in nodes)
            {
                if (!options.Ports.TryGetValue(name, out var port) || port is < 1 or > 65535)
                {
                    errors.Add($"Messaging:Ports:{name} must be a TCP port (1-65535) for the embedded transport.");
                }
            }
        }
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(MessagingOptions.Section, typeof(MessagingOptions), errors);
        }
    }
}
