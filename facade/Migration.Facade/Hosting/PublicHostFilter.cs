using Microsoft.Extensions.Options;

namespace Migration.Facade.Hosting;

/// <summary>
/// The first stage of the public proxy: a request for a host the facade does not serve gets 400 problem details and
/// goes nowhere, so no <c>Host: evil.example</c> ever becomes the monolith's <c>X-Forwarded-Host</c> or links.
/// </summary>
internal sealed class PublicHostFilter(IOptions<FacadeEndpointOptions> options)
{
    private readonly IReadOnlySet<string>? _hosts = options.Value.PublicHosts();

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (_hosts is null || _hosts.Contains(context.Request.Host.Host))
        {
            return next(context);
        }
        return TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Unknown host.",
            detail: "This address does not serve that host name.").ExecuteAsync(context);
    }
}
