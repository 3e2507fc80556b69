using EndToEnd.Tests.Infrastructure;
using EndToEnd.Tests.Sync;
using Xunit.Abstractions;

namespace EndToEnd.Tests.Orders;

[Collection(MigrationSystemCollection.Name)]
public sealed class OrdersFlipTests(MigrationSystem system, ITestOutputHelper output)
{
    [Fact]
    public async Task The_write_path_moves_to_Orders_Service_and_back_with_one_sign_in() =>
        output.WriteLine("embedded: " + await OrdersFlipScenario.RunAsync(system, customer: 31));
}

[Collection(RabbitMqSystemCollection.Name)]
public sealed class RabbitMqOrdersFlipTests(RabbitMqSystem system, ITestOutputHelper output)
{
    [Fact]
    public async Task The_write_path_moves_to_Orders_Service_and_back_with_one_sign_in() =>
        output.WriteLine("rabbitmq: " + await OrdersFlipScenario.RunAsync(system, customer: 32));
}

[Collection(PostgresSystemCollection.Name)]
public sealed class PostgresOrdersFlipTests(PostgresSystem system, ITestOutputHelper output)
{
    [Fact]
    public async Task The_write_path_moves_to_Orders_Service_and_back_with_one_sign_in() =>
        output.WriteLine("postgres: " + await OrdersFlipScenario.RunAsync(system, customer: 33));
}
