using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Security;

/// <summary>
/// The control plane's bearer scheme is the facade's only scheme, which ASP.NET Core would make the default and run on
/// every proxied request. It is no default: a user's Authorization header is the backend's business.
/// </summary>
public sealed class NoDefaultSchemeTests
{
    [Fact]
    public async Task Proxied_requests_are_never_authenticated_by_the_facade_and_admin_calls_still_are()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("""{"ok":true}"""), ScriptedBackend.Json("{}"));
        var schemes = bed.Facade.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        Assert.Null(await schemes.GetDefaultAuthenticateSchemeAsync());
        Assert.Null(await schemes.GetDefaultChallengeSchemeAsync());

        // Even the facade's own operator token means nothing on the public port: it goes to the monolith untouched.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/anything");
        request.Headers.Authorization = new("Bearer", FacadeHost.OperatorToken);
        using var proxied = await bed.Facade.Public.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, proxied.StatusCode);
        Assert.Equal($"Bearer {FacadeHost.OperatorToken}", Assert.Single(bed.Legacy.Seen).Headers["Authorization"]);

        Assert.Equal(HttpStatusCode.Unauthorized, (await bed.Facade.Anonymous.GetAsync("/admin/slices")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bed.Facade.Viewer.GetAsync("/admin/slices")).StatusCode);
    }
}
