using Migration.Facade.Shadow;

namespace Migration.Facade.Tests.Shadow;

public sealed class RequestBodyTests
{
    [Fact]
    public async Task A_chunked_body_over_the_cap_is_not_buffered_and_still_reaches_the_monolith_whole()
    {
        var data = Enumerable.Range(0, 200_000).Select(i => (byte)i).ToArray();
        var client = new CountingStream(data);
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Headers.TransferEncoding = "chunked";
        context.Request.Body = client;

        var mirrored = await RequestBody.TryBufferAsync(context.Request, 64 * 1024, default);

        Assert.Null(mirrored);
        Assert.Equal(64 * 1024 + 1, client.Taken);
        using var forwarded = new MemoryStream();
        await context.Request.Body.CopyToAsync(forwarded);
        Assert.Equal(data, forwarded.ToArray());
    }

    [Fact]
    public async Task A_body_within_the_cap_is_kept_for_the_mirror_and_forwarded_as_it_came()
    {
        var data = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentLength = data.Length;
        context.Request.Body = new CountingStream(data);

        var mirrored = await RequestBody.TryBufferAsync(context.Request, 64 * 1024, default);

        Assert.Equal(data, mirrored);
        using var forwarded = new MemoryStream();
        await context.Request.Body.CopyToAsync(forwarded);
        Assert.Equal(data, forwarded.ToArray());
    }

    /// <summary>A client's body of unknown length, counting what was taken from it.</summary>
    private sealed class CountingStream(byte[] data) : MemoryStream(data)
    {
        public long Taken { get; private set; }

        public override bool CanSeek => false;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await base.ReadAsync(buffer[..Math.Min(buffer.Length, 4096)], cancellationToken);
            Taken += n;
            return n;
        }
    }
}
