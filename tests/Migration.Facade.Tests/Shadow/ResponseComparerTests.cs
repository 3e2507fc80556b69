using System.IO.Compression;
using System.Text;
using Migration.Facade.Shadow;

namespace Migration.Facade.Tests.Shadow;

public sealed class ResponseComparerTests
{
    private const int Limit = 64 * 1024;

    private static CapturedResponse Json(string body, int status = 200, params (string, string)[] headers) =>
        CapturedResponse.Create(status,
            headers.Append(("Content-Type", "application/json; charset=utf-8"))
                .Select(h => new KeyValuePair<string, IEnumerable<string>>(h.Item1, [h.Item2])),
            Encoding.UTF8.GetBytes(body), Limit);

    private static List<(string Kind, string Path, string? Legacy, string? Extracted)> Diff(
        CapturedResponse legacy, CapturedResponse extracted, ShadowOptions? options = null) =>
        new ResponseComparer(options ?? new ShadowOptions()).Compare(legacy, extracted)
            .Select(d => (d.Kind, d.Path, d.Legacy, d.Extracted)).ToList();

    [Fact]
    public void Property_order_does_not_matter()
    {
        Assert.Empty(Diff(Json("""{"id":1,"name":"a","tags":["x","y"]}"""), Json("""{"tags":["x","y"],"name":"a","id":1}""")));
    }

    [Fact]
    public void A_changed_field_is_reported_with_its_json_path_and_both_values()
    {
        var diff = Diff(Json("""{"items":[{"id":1,"price":10.5},{"id":2,"price":3}]}"""),
                        Json("""{"items":[{"id":1,"price":10.5},{"id":2,"price":4}]}"""));

        Assert.Equal([("body", "$.items[1].price", "3", "4")], diff);
    }

    [Fact]
    public void Missing_and_extra_fields_and_elements_are_reported()
    {
        var diff = Diff(Json("""{"a":1,"list":[1,2]}"""), Json("""{"b":1,"list":[1]}"""));

        Assert.Equal(["$.a", "$.b", "$.list[1]"], diff.Select(d => d.Path).Order());
    }

    [Fact]
    public void Ignored_paths_with_wildcards_are_not_counted()
    {
        var options = new ShadowOptions { IgnoredJsonPaths = ["$.items[*].updatedAt", "$.meta"] };
        var diff = Diff(Json("""{"items":[{"updatedAt":"1","id":1}],"meta":{"at":1}}"""),
                        Json("""{"items":[{"updatedAt":"2","id":2}],"meta":{"at":2}}"""), options);

        Assert.Equal([("body", "$.items[0].id", "1", "2")], diff);
    }

    [Fact]
    public void Status_and_compared_headers_differ_but_ignored_ones_do_not()
    {
        var options = new ShadowOptions { IgnoredHeaders = ["ETag"] };
        var diff = Diff(Json("{}", 200, ("X-Total-Count", "10"), ("ETag", "\"a\"")),
                        Json("{}", 404, ("X-Total-Count", "11"), ("ETag", "\"b\"")), options);

        Assert.Equal([("status", "status", "200", "404"), ("header", "X-Total-Count", "10", "11")], diff);
    }

    [Fact]
    public void Secrets_are_redacted_in_samples()
    {
        var options = new ShadowOptions { ComparedHeaders = ["Set-Cookie"] };
        var diff = Diff(Json("""{"user":{"password":"hunter2","apiKey":"k1"}}""", 200, ("Set-Cookie", "a=1")),
                        Json("""{"user":{"password":"hunter3","apiKey":"k2"}}""", 200, ("Set-Cookie", "a=2")), options);

        Assert.All(diff, d => Assert.Equal((Redaction.Mask, Redaction.Mask), (d.Legacy, d.Extracted)));
        Assert.Equal(3, diff.Count);
    }

    [Fact]
    public void Non_json_bodies_are_compared_byte_for_byte()
    {
        static CapturedResponse Html(string body) => CapturedResponse.Create(200,
            [new("Content-Type", ["text/html"])], Encoding.UTF8.GetBytes(body), Limit);

        Assert.Empty(Diff(Html("<p>a</p>"), Html("<p>a</p>")));
        Assert.Equal("$", Assert.Single(Diff(Html("<p>a</p>"), Html("<p>b</p>"))).Path);
    }

    [Fact]
    public void Numbers_are_compared_by_value_not_by_how_they_are_written()
    {
        Assert.Empty(Diff(Json("""{"price":10.50,"count":1e2}"""), Json("""{"price":10.5,"count":100}""")));
    }

    [Fact]
    public void A_compressed_answer_is_compared_by_its_content()
    {
        var json = Encoding.UTF8.GetBytes("""{"id":1}""");
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(json);
        var compressed = CapturedResponse.Create(200,
            [new("Content-Type", ["application/json; charset=utf-8"]), new("Content-Encoding", ["gzip"])], packed.ToArray(), Limit);

        Assert.Empty(Diff(compressed, Json("""{"id":1}""")));
        Assert.Throws<BodyTooLargeException>(() => CapturedResponse.Create(200,
            [new("Content-Encoding", ["gzip"])], packed.ToArray(), limit: 4));
    }
}
