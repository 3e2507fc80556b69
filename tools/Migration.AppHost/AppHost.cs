using Microsoft.Extensions.Configuration;

// Runs the reference migration locally on the fixed ports of docs/architecture.md, on embedded defaults
// (SQLite files next to each project, events over the embedded transport), with nothing else installed.
// Against servers that already run, pass their settings through (README, "Configuration reference"): e.g.
//   dotnet run --project tools/Migration.AppHost -- --Messaging:Transport=RabbitMq --Messaging:RabbitMq=amqp://…
var builder = DistributedApplication.CreateBuilder(args);
var settings = builder.Configuration;

var legacy = builder.AddProject<Projects.Legacy_Store>("legacy")
    .WithFixedHttpPort(5100)
    .WithSettings(settings.GetSection("Messaging"), settings.GetSection("Database"), settings.GetSection("ConnectionStrings:Store"));

var catalog = builder.AddProject<Projects.Catalog_Service>("catalog")
    .WithFixedHttpPort(5201)
    .WithSettings(settings.GetSection("Messaging"), settings.GetSection("Database"), settings.GetSection("ConnectionStrings:Catalog"))
    .WithReference(legacy)
    .WithEnvironment("Legacy__BaseUrl", legacy.GetEndpoint("http"))
    .WaitFor(legacy);

// The facade signs the tokens it sends to extracted services with a key made for this run: nothing is built in, and
// the services are given its public half (Identity:Keys).
using var signingKey = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
var signingKeyId = "apphost-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);

// Orders.Service finds Catalog.Service by service discovery (Services:catalog) and reserves stock in the monolith.
var orders = builder.AddProject<Projects.Orders_Service>("orders")
    .WithFixedHttpPort(5202)
    .WithSettings(settings.GetSection("Messaging"), settings.GetSection("Database"), settings.GetSection("ConnectionStrings:Orders"))
    .WithReference(legacy)
    .WithReference(catalog)
    .WithEnvironment("Legacy__BaseUrl", legacy.GetEndpoint("http"))
    .WithEnvironment("Identity__Keys__0__Id", signingKeyId)
    .WithEnvironment("Identity__Keys__0__PublicKey", Convert.ToBase64String(signingKey.ExportSubjectPublicKeyInfo()))
    .WaitFor(legacy)
    .WaitFor(catalog);

builder.AddProject<Projects.Migration_Facade>("facade", launchProfileName: null)
    .WithHttpEndpoint(port: 5000, name: "public", isProxied: false)
    .WithHttpEndpoint(port: 5001, name: "control", isProxied: false)
    .WithEnvironment("Facade__PublicUrl", "http://127.0.0.1:5000")
    .WithEnvironment("Facade__ControlPlaneUrl", "http://127.0.0.1:5001")
    .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
    // Canaries stick to the signed-in customer: the facade reads the monolith's sign-in cookie with its key ring.
    .WithEnvironment("Canary__UserCookie__KeyRingPath",
        Path.Combine(Path.GetDirectoryName(new Projects.Legacy_Store().ProjectPath)!, ".data", "keys"))
    // The demo's objectives: catalog-read rolls back by itself if Catalog.Service starts failing.
    .WithEnvironment("Slices__catalog-read__Slo__MaxErrorRate", "0.05")
    .WithEnvironment("Slices__catalog-read__Slo__MinRequests", "20")
    .WithEnvironment("Slices__catalog-read__Shadow__MinParityPercent", "99")
    .WithEnvironment("Slices__orders__Slo__MaxErrorRate", "0.05")
    .WithEnvironment("Slices__orders__Slo__MinRequests", "20")
    .WithEnvironment("Identity__SigningKey__Id", signingKeyId)
    .WithEnvironment("Identity__SigningKey__PrivateKey", Convert.ToBase64String(signingKey.ExportPkcs8PrivateKey()))
    .WithSettings(settings.GetSection("FlagStore"), settings.GetSection("Messaging"))
    .WithReference(legacy)
    .WithReference(catalog)
    .WithReference(orders)
    // The facade opens its public port once every backend answers its health check: no 502s right after `dotnet run`.
    .WithHttpHealthCheck("/health", endpointName: "control")
    .WaitFor(legacy)
    .WaitFor(catalog)
    .WaitFor(orders);

builder.Build().Run();

internal static class ProjectResourceExtensions
{
    /// <summary>Hands configuration sections of the app host (command line, environment) to a service as they are.</summary>
    public static IResourceBuilder<ProjectResource> WithSettings(this IResourceBuilder<ProjectResource> project, params IConfigurationSection[] sections)
    {
        foreach (var (key, value) in sections.SelectMany(s => s.AsEnumerable()))
        {
            if (value is not null)
            {
                project.WithEnvironment(key.Replace(":", "__", StringComparison.Ordinal), value);
            }
        }
        return project;
    }

    // Each service binds its fixed port itself: the ports are part of the documented contract and
    // the CLI, the docs and the tests use them, so Aspire's proxy would only add a hop.
    // Healthy, not merely started: what waits for it (and the first users) finds it answering.
    public static IResourceBuilder<ProjectResource> WithFixedHttpPort(this IResourceBuilder<ProjectResource> project, int port) =>
        project.WithEndpoint("http", endpoint =>
        {
            endpoint.Port = port;
            endpoint.TargetPort = port;
            endpoint.IsProxied = false;
        }).WithHttpHealthCheck("/health");
}
