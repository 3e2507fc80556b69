using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Security;

/// <summary>
/// The control plane's bearer tokens live in the control plane's host: the data plane has no authentication at all, so a
/// user's Authorization header is the backend's business and no proxied request runs an authentication handler.
/// </summary>
public sealed class ProxiedRequestAuthenticationTests
{
    [Fact]
    public async Task Proxied_requests_are_never_authenticated_by_the_facade_and_admin_calls_still_are()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("""{"ok":true}"""), ScriptedBackend.Json("{}"));
        Assert.Null(bed.Facade.DataPlaneServices.GetService<IAuthenticationSchemeProvider>());
        Assert.NotNull(bed.Facade.Services.GetService<IAuthenticationSchemeProvider>());

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
