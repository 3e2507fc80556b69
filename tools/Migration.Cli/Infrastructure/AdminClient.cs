using System.Net.Http.Headers;
using System.Text.Json;
using Refit;

namespace Migration.Cli.Infrastructure;

internal static class AdminClient
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static HttpClient CreateHttpClient(ControlPlaneTarget target)
    {
        var http = new HttpClient { BaseAddress = target.Url, Timeout = TimeSpan.FromSeconds(30) };
        if (target.Token is { } token)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return http;
    }

    public static IAdminApi Create(HttpClient http) =>
        RestService.For<IAdminApi>(http, new RefitSettings(new SystemTextJsonContentSerializer(Json)));
}
