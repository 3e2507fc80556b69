using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;
using Migration.Messaging.Hosting;
using Migration.Messaging.Storage;

namespace Migration.Messaging.Tests.Hosting;

public sealed class MessagingOptionsTests
{
    [Fact]
    public void RabbitMq_without_a_broker_uri_stops_the_start_naming_the_setting()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Messaging:Transport"] = "RabbitMq";

        var error = Assert.Throws<OptionsValidationException>(() =>
            builder.AddMessaging(Nodes.Catalog, DatabaseProvider.Sqlite, "Data Source=:memory:", routes => routes.Listen()));

        Assert.Contains("Messaging:RabbitMq", error.Message);
    }

    [Fact]
    public void An_embedded_node_without_a_port_stops_the_start_naming_the_setting()
    {
        var builder = WebApplication.CreateBuilder();

        var error = Assert.Throws<OptionsValidationException>(() =>
            builder.AddMessaging(Nodes.Monolith, DatabaseProvider.Sqlite, "Data Source=:memory:", routes => routes.Send("billing", typeof(object))));

        Assert.Contains("Messaging:Ports:billing", error.Message);
    }

    [Fact]
    public void The_defaults_are_the_embedded_transport_on_the_documented_loopback_ports()
    {
        var options = new MessagingOptions();

        Assert.Equal(MessagingTransport.Embedded, options.Transport);
        Assert.Equal("127.0.0.1", options.Host);
        Assert.Equal([5110, 5211, 5212, 5010], new[] { Nodes.Monolith, Nodes.Catalog, Nodes.Orders, Nodes.Facade }.Select(n => options.Ports[n]));
    }
}
