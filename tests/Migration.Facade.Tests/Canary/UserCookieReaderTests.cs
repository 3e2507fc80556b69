using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Migration.Facade.Canary;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Canary;

/// <summary>The sign-in cookie cache: only cookies that read are remembered, by hash, and no cookie is too long to hurt.</summary>
public sealed class UserCookieReaderTests : IAsyncLifetime
{
    private readonly TempFolder _root = new();
    private MonolithBackend _monolith = null!;

    public async Task InitializeAsync() => _monolith = await MonolithBackend.StartAsync(_root.File("keys"));

    public async Task DisposeAsync()
    {
        await _monolith.DisposeAsync();
        _root.Dispose();
    }

    private UserCookieReader Reader()
    {
        var options = Options.Create(new CanaryOptions { UserCookie = new UserCookieOptions { KeyRingPath = "keys" } });
        return new UserCookieReader(options, new HostingEnvironment { ContentRootPath = _root.Path }, TimeProvider.System);
    }

    private static DefaultHttpContext Request(string cookie)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = cookie;
        return context;
    }

    [Fact]
    public async Task A_cookie_that_reads_is_remembered_once_and_forged_ones_never()
    {
        var reader = Reader();
        var cookie = await MonolithBackend.SignInAsync(_monolith.Url, "42");

        for (var i = 0; i < 100; i++) Assert.Null(reader.User(Request($".Store.Auth=forged-{i}")));
        Assert.Equal(0, reader.CachedEntries);
        Assert.Equal("42", reader.User(Request(cookie))?.Id);
        Assert.Equal("42", reader.User(Request(cookie))?.Id);
        Assert.Equal(1, reader.CachedEntries);
    }

    [Fact]
    public void A_cookie_longer_than_the_cap_is_not_read()
    {
        var reader = Reader();

        Assert.Null(reader.User(Request(".Store.Auth=" + new string('A', UserCookieReader.MaxCookieLength + 1))));
        Assert.Equal(0, reader.CachedEntries);
    }

    [Fact]
    public async Task One_request_reads_its_cookie_once_however_many_stages_ask()
    {
        var reader = Reader();
        var context = Request(await MonolithBackend.SignInAsync(_monolith.Url, "42"));

        var first = reader.User(context);
        context.Request.Headers.Cookie = ".Store.Auth=changed-after-the-first-read";

        Assert.Same(first, reader.User(context));
    }
}
