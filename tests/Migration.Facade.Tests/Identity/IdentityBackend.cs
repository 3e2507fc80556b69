using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Migration.ServiceDefaults.Identity;

namespace Migration.Facade.Tests.Identity;

/// <summary>A signing key pair as the facade (private half) and a service (public half) are configured with it.</summary>
internal sealed record TestKey(string Id, string PrivateKey, string PublicKey)
{
    public static TestKey Create(string id)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new(id, Convert.ToBase64String(key.ExportPkcs8PrivateKey()), Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()));
    }
}

/// <summary>
/// An extracted service as a team would write one: standard JWT bearer authentication of the facade's tokens
/// (<see cref="FacadeIdentityExtensions.AddFacadeIdentity"/>) and <c>RequireAuthorization</c>. It answers with the user it
/// sees and the headers it received.
/// </summary>
internal sealed class IdentityBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private IdentityBackend(WebApplication app, System.Collections.Concurrent.ConcurrentQueue<Dictionary<string, string>> seen) => (_app, Seen) = (app, seen);

    public string Url => _app.Urls.Single();

    /// <summary>The headers of every request to the anonymous <c>/api/products</c> (the product list).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<Dictionary<string, string>> Seen { get; }

    public static async Task<IdentityBackend> StartAsync(string audience, params TestKey[] accepted)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var settings = new Dictionary<string, string?> { ["Identity:Audience"] = audience };
        for (var i = 0; i < accepted.Length; i++)
        {
            settings[$"Identity:Keys:{i}:Id"] = accepted[i].Id;
            settings[$"Identity:Keys:{i}:PublicKey"] = accepted[i].PublicKey;
        }
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddProblemDetails();
        builder.AddFacadeIdentity();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/api/products/{id:int}", (ClaimsPrincipal user, HttpContext context) => new SeenRequest(
                user.Identity?.Name, user.FindAll(FacadeClaims.Role).Select(c => c.Value).ToList(), user.FindFirstValue(FacadeClaims.SessionId),
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)))
            .RequireAuthorization(p => p.RequireRole("customer"));
        var seen = new System.Collections.Concurrent.ConcurrentQueue<Dictionary<string, string>>();
        app.MapGet("/api/products", (HttpContext context) =>
        {
            seen.Enqueue(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
            return Results.Json(new[] { new { id = 1 } });
        });
        await app.StartAsync();
        return new IdentityBackend(app, seen);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record SeenRequest(string? User, List<string> Roles, string? Session, Dictionary<string, string> Headers);
