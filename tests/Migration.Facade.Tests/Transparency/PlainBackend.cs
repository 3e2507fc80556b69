using System.Security.Cryptography;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Migration.Facade.Tests.Transparency;

/// <summary>
/// An ordinary REST app as most monoliths are: it knows nothing of proxies (no forwarded-header support) and builds
/// every absolute URL from the <c>Host</c> it receives.
/// </summary>
internal sealed class PlainBackend : IAsyncDisposable
{
    public static readonly byte[] File = Enumerable.Range(0, 4096).Select(i => (byte)(i % 251)).ToArray();
    private readonly WebApplication _app;

    private PlainBackend(WebApplication app) => _app = app;

    public string Url => _app.Urls.Single();

    public static async Task<PlainBackend> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        builder.Logging.ClearProviders();
        builder.Services.AddResponseCompression(o => o.Providers.Add<GzipCompressionProvider>());
        builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.example").WithMethods("GET", "POST").WithHeaders("content-type")));
        var app = builder.Build();
        app.UseResponseCompression();
        app.UseCors();

        static string Absolute(HttpRequest request, string path) => $"{request.Scheme}://{request.Host}{path}";
        app.MapGet("/redirect", (HttpRequest request) => Results.Redirect(Absolute(request, "/target")));
        // Some apps name their own configured address whatever Host they are sent.
        app.MapGet("/self", (HttpContext context) =>
            Results.Redirect($"http://{context.Connection.LocalIpAddress}:{context.Connection.LocalPort}/target"));
        app.MapPost("/items", (HttpRequest request) => Results.Created(Absolute(request, "/items/7"), new { id = 7, name = "seven" }));
        app.MapMethods("/items", ["GET", "HEAD"], (HttpContext context) =>
        {
            var request = context.Request;
            context.Response.Headers.Link = $"<{Absolute(request, "/items?page=1")}>; rel=\"first\", <{Absolute(request, "/items?page=3")}>; rel=\"next\"";
            context.Response.Headers["X-Total-Count"] = "42";
            context.Response.Headers.ETag = "\"v1\"";
            if (request.Headers.IfNoneMatch == "\"v1\"") return Results.StatusCode(StatusCodes.Status304NotModified);
            return Results.Json(Enumerable.Range(1, 20).Select(i => new { id = i, name = new string('x', 40) }));
        });
        app.MapGet("/refresh", (HttpContext context) =>
        {
            context.Response.Headers["Refresh"] = $"5; url={Absolute(context.Request, "/later")}";
            context.Response.Headers[HeaderNames.ContentLocation] = Absolute(context.Request, "/items/7");
            return Results.Text("moving soon");
        });
        app.MapGet("/file", () => Results.Bytes(File, "application/octet-stream", enableRangeProcessing: true));
        app.MapPost("/upload", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            return Results.Json(new { length = buffer.Length, sha256 = Convert.ToHexString(SHA256.HashData(buffer.ToArray())) });
        });
        await app.StartAsync();
        return new PlainBackend(app);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
