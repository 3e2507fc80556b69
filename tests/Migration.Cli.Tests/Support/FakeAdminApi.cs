using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Migration.Cli.Tests.Support;

internal sealed record RecordedRequest(string Method, string PathAndQuery, string? Authorization, string Body);

/// <summary>
/// A stand-in for the facade's admin API on a free loopback port: canned answers, problem details on demand,
/// and a log of what the CLI sent.
/// </summary>
internal sealed class FakeAdminApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeAdminApi(WebApplication app, FakeAdminState state)
    {
        _app = app;
        State = state;
    }

    public FakeAdminState State { get; }

    public ConcurrentQueue<RecordedRequest> Requests => State.Requests;

    public string Url => _app.Services.GetRequiredService<IServer>()
        .Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public static async Task<FakeAdminApi> StartAsync(FakeAdminState? state = null)
    {
        state ??= new FakeAdminState();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            state.Requests.Enqueue(new RecordedRequest(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.Authorization.FirstOrDefault(),
                body));
            context.Request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body));
            await next(context);
        });
        app.MapFakeAdminApi(state);
        await app.StartAsync();
        return new FakeAdminApi(app, state);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
