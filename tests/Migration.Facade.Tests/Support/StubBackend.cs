using System.Text.Json;
using Migration.Facade.Contracts;

namespace Migration.Facade.Tests.Support;

/// <summary>What a stub backend saw: which side answered, the path and the forwarded host.</summary>
internal sealed record StubAnswer(string Side, string Path, string? ForwardedHost);

/// <summary>A tiny Kestrel app on a free loopback port that names itself in every answer.</summary>
internal sealed class StubBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StubBackend(WebApplication app, string side)
    {
        _app = app;
        Side = side;
    }

    public string Side { get; }

    public string Url => _app.Urls.Single();

    public static async Task<StubBackend> StartAsync(string side)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapMethods("/internal/backfill", ["GET", "POST"], (HttpRequest request) => new BackfillProgressDto(
            side, request.Method == "POST" ? BackfillProgressDto.Running : BackfillProgressDto.Idle, 1, 10, 100, 1000, null, null, null));
        app.Map("{**path}", (HttpContext context) => new StubAnswer(
            side, context.Request.Path, context.Request.Headers["X-Forwarded-Host"].FirstOrDefault()));
        await app.StartAsync();
        return new StubBackend(app, side);
    }

    public static async Task<StubAnswer?> ReadAsync(HttpResponseMessage response) =>
        response.IsSuccessStatusCode
            ? JsonSerializer.Deserialize<StubAnswer>(await response.Content.ReadAsStringAsync(), JsonSerializerOptions.Web)
            : null;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
