using System.Net;
using System.Net.Http.Json;
using System.Text;
using Migration.Facade.Contracts;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Admin;

/// <summary>
/// The admin API under bad input: malformed JSON, wrong types, unknown fields, huge bodies and reasons, path tricks.
/// Every case is a 4xx with problem details, none is a 500, and nothing changes.
/// </summary>
public sealed class AdminFuzzTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private TestBed _bed = null!;
    private FacadeHost _facade = null!;

    public async Task InitializeAsync()
    {
        _bed = await TestBed.StartAsync();
        _facade = await _bed.StartFacadeAsync();
    }

    public async Task DisposeAsync()
    {
        await _facade.DisposeAsync();
        await _bed.DisposeAsync();
        _folder.Dispose();
    }

    public static TheoryData<string, string, string> Cases => new()
    {
        { "PUT", "/admin/slices/catalog-read/state", "{" },
        { "PUT", "/admin/slices/catalog-read/state", "[]" },
        { "PUT", "/admin/slices/catalog-read/state", "null" },
        { "PUT", "/admin/slices/catalog-read/state", "\"extracted\"" },
        { "PUT", "/admin/slices/catalog-read/state", """{"state":42,"reason":"x","expectedVersion":1}""" },
        { "PUT", "/admin/slices/catalog-read/state", """{"state":"extracted","reason":"x","expectedVersion":"one"}""" },
        { "PUT", "/admin/slices/catalog-read/state", """{"state":"extracted","reason":"x","expectedVersion":1,"percentage":1e99}""" },
        { "PUT", "/admin/slices/catalog-read/state", """{"state":"extracted","reason":"x","expectedVersion":1,"sneaky":true}""" },
        { "PUT", "/admin/slices/catalog-read/state", """{"state":"extracted","reason":"x","expectedVersion":99999999999999999999}""" },
        { "PUT", "/admin/slices/catalog-read/state", "{\"state\":\"extracted\",\"reason\":\"" + new string('r', 5000) + "\",\"expectedVersion\":1}" },
        { "PUT", "/admin/slices/catalog-read/state", "{\"state\":\"extracted\",\"reason\":\"" + new string('r', 2_000_000) + "\",\"expectedVersion\":1}" },
        { "PUT", "/admin/slices/catalog-read/state", """{"state":"extracted","reason":"x\u0000y","expectedVersion":1,"force":"yes"}""" },
        { "PUT", "/admin/slices/catalog-read/state", """{"state":"extracted","reason":"line\nbreak\u0000","expectedVersion":1}""" },
        { "PUT", "/admin/slices/..%2Fcatalog-read/state", """{"state":"extracted","reason":"x","expectedVersion":1}""" },
        // (A %00 in the path is refused by Kestrel itself, before any application code: a plain 400.)
        { "PUT", "/admin/slices/" + new string('a', 3000) + "/state", """{"state":"extracted","reason":"x","expectedVersion":1}""" },
        { "POST", "/admin/slices/catalog-read/overrides", """{"side":"extracted","reason":"x","validForMinutes":"ten"}""" },
        { "POST", "/admin/slices/catalog-read/overrides", """{"side":"extracted","reason":"x","extra":1}""" },
        { "POST", "/admin/slices/catalog-read/overrides", "{\"side\":\"extracted\",\"reason\":\"" + new string('r', 5000) + "\"}" },
        { "POST", "/admin/slices/catalog-read/overrides/zzz/revoke", """{"reason":""}""" },
        { "POST", "/admin/slices/catalog-read/overrides/zzz/revoke", "not json" },
        { "GET", "/admin/audit?limit=-1", "" },
        { "GET", "/admin/audit?limit=abc", "" },
        { "GET", "/admin/audit?limit=99999999999", "" },
        { "POST", "/admin/data/catalog-read/verify", "" },
        { "POST", "/admin/data/..%2F..%2Fetc/verify", "" },
        { "POST", "/admin/backfills/%2e%2e", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_a_4xx_problem_and_changes_nothing(string method, string path, string body)
    {
        var before = await _facade.Viewer.GetStringAsync("/admin/slices");
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body.Length > 0) request.Content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await _facade.Operator.SendAsync(request);

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{method} {path}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await _facade.Viewer.GetStringAsync("/admin/slices"));
        Assert.Empty((await _facade.Viewer.GetFromJsonAsync<AuditEntryDto[]>("/admin/audit"))!);
    }
}
