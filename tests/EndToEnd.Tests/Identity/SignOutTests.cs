using System.Diagnostics;
using System.Net;
using EndToEnd.Tests.Infrastructure;
using EndToEnd.Tests.Sync;
using Xunit.Abstractions;

namespace EndToEnd.Tests.Identity;

/// <summary>
/// A sign-out on the monolith's page, through the facade, reaches the facade over the bus (monolith outbox → transport →
/// facade inbox → flag store), from where every facade instance stops issuing service tokens for that session.
/// </summary>
internal static class SignOutScenario
{
    public static async Task<TimeSpan> SignOutReachesTheFacadeAsync(MigrationSystem system)
    {
        using var session = new StoreSession(system.PublicUrl);
        using (var signIn = await session.SignInAsync("customer12@example.com", "Passw0rd!"))
        {
            Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        }
        var before = await system.ScalarAsync(MigrationSystem.Owner.Facade, "SELECT COUNT(*) FROM ended_sessions");

        using var signOut = await session.SignOutAsync();
        var clock = Stopwatch.StartNew();

        Assert.Equal(HttpStatusCode.SeeOther, signOut.StatusCode);
        while (await system.ScalarAsync(MigrationSystem.Owner.Facade, "SELECT COUNT(*) FROM ended_sessions") == before)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the sign-out did not reach the facade within 5 s\n{system.Diagnostics()}");
            await Task.Delay(20);
        }
        return clock.Elapsed;
    }
}

[Collection(MigrationSystemCollection.Name)]
public sealed class SignOutTests(MigrationSystem system, ITestOutputHelper output)
{
    [Fact]
    public async Task A_sign_out_reaches_the_facade_within_5_seconds()
    {
        var took = await SignOutScenario.SignOutReachesTheFacadeAsync(system);
        output.WriteLine($"embedded: {took.TotalMilliseconds:F0} ms");
    }
}

[Collection(RabbitMqSystemCollection.Name)]
public sealed class RabbitMqSignOutTests(RabbitMqSystem system, ITestOutputHelper output)
{
    [Fact]
    public async Task A_sign_out_reaches_the_facade_within_5_seconds()
    {
        var took = await SignOutScenario.SignOutReachesTheFacadeAsync(system);
        output.WriteLine($"rabbitmq: {took.TotalMilliseconds:F0} ms");
    }
}

[Collection(PostgresSystemCollection.Name)]
public sealed class PostgresSignOutTests(PostgresSystem system, ITestOutputHelper output)
{
    [Fact]
    public async Task A_sign_out_reaches_the_facade_within_5_seconds()
    {
        var took = await SignOutScenario.SignOutReachesTheFacadeAsync(system);
        output.WriteLine($"postgres: {took.TotalMilliseconds:F0} ms");
    }
}
