using System.Diagnostics;

namespace EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real servers <c>tests/run.sh</c> installs and starts on loopback, found through its variables. A test that needs
/// one fails with the reason when it is missing: it never passes without having run against the server.
/// </summary>
internal static class TestServers
{
    public const string RabbitMqVariable = "STRANGLER_TEST_RABBITMQ";
    public const string PostgresVariable = "STRANGLER_TEST_POSTGRES";

    /// <summary>A connection string to the test server without a database (a role that may create databases).</summary>
    public static string Postgres => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } connection
        ? connection
        : throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests with `bash tests/run.sh`, which starts PostgreSQL on 127.0.0.1.");

    public static string RabbitMq => Environment.GetEnvironmentVariable(RabbitMqVariable) is { Length: > 0 } uri
        ? uri
        : throw new InvalidOperationException($"{RabbitMqVariable} is not set: run the tests with `bash tests/run.sh`, which starts RabbitMQ on 127.0.0.1.");

    /// <summary>Messages waiting in a RabbitMQ queue (0 when it does not exist).</summary>
    public static async Task<long> QueueDepthAsync(string queue)
    {
        var lines = (await RabbitMqCtlAsync("-q list_queues name messages")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Select(l => l.Split('\t')).Where(f => f.Length == 2 && f[0] == queue).Select(f => long.Parse(f[1])).FirstOrDefault();
    }

    /// <summary>Stops or starts the RabbitMQ application (the node stays up), as an outage would.</summary>
    public static async Task<string> RabbitMqCtlAsync(string command)
    {
        var info = new ProcessStartInfo("rabbitmqctl", command) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {command} failed ({process.ExitCode}): {output}");
        }
        return output;
    }
}
