using System.Collections.Concurrent;

namespace Migration.Facade.Tests.Support;

/// <summary>A request as a scripted backend saw it.</summary>
internal sealed record SeenRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>A Kestrel backend on a free loopback port whose answer each test scripts, and which records every request.</summary>
internal sealed class ScriptedBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedBackend(WebApplication app) => _app = app;

    public string Url => _app.Urls.Single();

    public ConcurrentQueue<SeenRequest> Seen { get; } = new();

    /// <summary>The answer; replace it at any time to change the backend's behaviour mid-test.</summary>
    public Func<HttpContext, Task> Handler { get; set; } = context => context.Response.WriteAsync("ok");

    public static async Task<ScriptedBackend> StartAsync(Func<HttpContext, Task>? handler = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var backend = new ScriptedBackend(app);
        if (handler is not null) backend.Handler = handler;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            backend.Seen.Enqueue(new SeenRequest(context.Request.Method, context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));
            await backend.Handler(context);
        });
        await app.StartAsync();
        return backend;
    }

    public static Func<HttpContext, Task> Json(string json, int status = 200) => context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    };

    private int _stopped;

    /// <summary>Stops listening, as a crashed service would; connections are then refused.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
