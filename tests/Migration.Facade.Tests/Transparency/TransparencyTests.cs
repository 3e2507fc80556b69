using System.Net;
using System.Net.Http.Headers;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Transparency;

/// <summary>
/// Every route on <c>legacy</c>, in front of a backend that ignores <c>X-Forwarded-*</c>: what a user gets through the
/// facade equals what the backend answers when called at the public address itself (status, headers, body), and no
/// header names the backend's own address.
/// </summary>
public sealed class TransparencyTests : IAsyncLifetime
{
    private static readonly string[] Compared =
        ["Location", "Content-Location", "Refresh", "Link", "ETag", "X-Total-Count", "Content-Type", "Content-Encoding",
         "Content-Range", "Accept-Ranges", "Content-Length", "Vary", "Access-Control-Allow-Origin", "Access-Control-Allow-Methods",
         "Access-Control-Allow-Headers", "Server"];

    private readonly TempFolder _folder = new();
    private PlainBackend _backend = null!;
    private FacadeHost _facade = null!;
    private HttpClient _viaFacade = null!;
    private HttpClient _direct = null!;

    public async Task InitializeAsync()
    {
        _backend = await PlainBackend.StartAsync();
        _facade = await FacadeHost.StartAsync(FacadeHost.Settings(_folder.File("flags.db"), _backend.Url, _backend.Url));
        _viaFacade = Client(_facade.Public.BaseAddress!);
        _direct = Client(new Uri(_backend.Url));
    }

    public async Task DisposeAsync()
    {
        _viaFacade.Dispose();
        _direct.Dispose();
        await _facade.DisposeAsync();
        await _backend.DisposeAsync();
        _folder.Dispose();
    }

    public static TheoryData<string> Cases => new()
    {
        "redirect", "created", "paging links", "etag", "not modified", "head", "gzip", "range", "refresh", "expect 100-continue chunked upload", "cors preflight",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Through_the_facade_equals_the_backend_called_at_the_public_address(string @case)
    {
        using var viaFacade = await _viaFacade.SendAsync(Request(@case));
        using var direct = await _direct.SendAsync(AtPublicAddress(Request(@case)));

        Assert.Equal(direct.StatusCode, viaFacade.StatusCode);
        foreach (var name in Compared)
        {
            Assert.True(Header(direct, name) == Header(viaFacade, name), $"{@case}: {name}: direct '{Header(direct, name)}', facade '{Header(viaFacade, name)}'");
        }
        Assert.Equal(await direct.Content.ReadAsByteArrayAsync(), await viaFacade.Content.ReadAsByteArrayAsync());
        var backend = new Uri(_backend.Url).Authority;
        Assert.DoesNotContain(viaFacade.Headers.Concat(viaFacade.Content.Headers), h => h.Value.Any(v => v.Contains(backend)));
    }

    [Fact]
    public async Task A_backend_that_names_its_own_address_is_rewritten_to_the_public_one()
    {
        using var response = await _viaFacade.GetAsync("/self");

        Assert.Equal($"{_facade.Public.BaseAddress!.GetLeftPart(UriPartial.Authority)}/target", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_facade_adds_no_server_header_of_its_own()
    {
        using var response = await _viaFacade.GetAsync("/items");

        Assert.Empty(response.Headers.Server);
    }

    [Fact]
    public async Task With_the_original_host_turned_off_absolute_urls_are_still_rewritten_to_the_public_address()
    {
        var settings = FacadeHost.Settings(_folder.File("no-host.db"), _backend.Url, _backend.Url);
        settings["ReverseProxy:Clusters:legacy:Metadata:OriginalHost"] = "false";
        await using var facade = await FacadeHost.StartAsync(settings);
        using var client = Client(facade.Public.BaseAddress!);

        using var redirect = await client.SendAsync(Request("redirect"));
        using var links = await client.SendAsync(Request("paging links"));

        var publicBase = facade.Public.BaseAddress!.GetLeftPart(UriPartial.Authority);
        Assert.Equal($"{publicBase}/target", redirect.Headers.Location?.OriginalString);
        Assert.Equal($"<{publicBase}/items?page=1>; rel=\"first\", <{publicBase}/items?page=3>; rel=\"next\"", Header(links, "Link"));
    }

    private HttpRequestMessage AtPublicAddress(HttpRequestMessage request)
    {
        request.Headers.Host = _facade.Public.BaseAddress!.Authority;
        return request;
    }

    private static HttpRequestMessage Request(string @case)
    {
        HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);
        switch (@case)
        {
            case "redirect": return Get("/redirect");
            case "created": return new(HttpMethod.Post, "/items") { Content = new StringContent("{\"name\":\"seven\"}", System.Text.Encoding.UTF8, "application/json") };
            case "paging links": return Get("/items?page=2");
            case "etag": return Get("/items");
            case "not modified":
            {
                var request = Get("/items");
                request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"v1\""));
                return request;
            }
            case "head": return new(HttpMethod.Head, "/items");
            case "gzip":
            {
                var request = Get("/items");
                request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
                return request;
            }
            case "range":
            {
                var request = Get("/file");
                request.Headers.Range = new RangeHeaderValue(100, 1099);
                return request;
            }
            case "refresh": return Get("/refresh");
            case "expect 100-continue chunked upload":
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "/upload") { Content = new StreamContent(new ChunkedStream(PlainBackend.File)) };
                request.Headers.ExpectContinue = true;
                request.Headers.TransferEncodingChunked = true;
                return request;
            }
            case "cors preflight":
            {
                var request = new HttpRequestMessage(HttpMethod.Options, "/items");
                request.Headers.Add("Origin", "https://app.example");
                request.Headers.Add("Access-Control-Request-Method", "POST");
                request.Headers.Add("Access-Control-Request-Headers", "content-type");
                return request;
            }
            default: throw new ArgumentOutOfRangeException(nameof(@case), @case, null);
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    private static HttpClient Client(Uri baseAddress) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None, UseCookies = false })
        {
            BaseAddress = baseAddress,
        };

    /// <summary>A body of unknown length, sent in small writes (chunked on the wire).</summary>
    private sealed class ChunkedStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 512));
    }
}
