namespace Migration.Facade.Shadow;

/// <summary>
/// The mirrors' own connection pool. Not an IHttpClientFactory client: a mirror is sent once and never retried (it
/// may be a POST), and it runs beside user traffic on the facade's CPU, so it skips the factory's handler chain.
/// </summary>
internal sealed class ShadowTransport(HttpMessageHandler handler) : HttpMessageInvoker(handler, disposeHandler: true)
{
    public static ShadowTransport Create() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        // Follows DNS changes the way IHttpClientFactory's handler rotation would.
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        // No span or traceparent per mirror: it has no parent once the user's request has ended, and would double the
        // traces of a shadowed slice. The service still sees X-Shadow-Request.
        ActivityHeadersPropagator = null,
    });
}
