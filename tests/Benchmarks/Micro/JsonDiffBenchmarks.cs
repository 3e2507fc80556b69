using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Migration.Facade.Shadow;

namespace Migration.Facade.Benchmarks;

/// <summary>Shadow's JSON comparison of two ~1 KB product answers: equal, and with one field changed.</summary>
[MemoryDiagnoser]
public class JsonDiffBenchmarks
{
    private JsonNode _legacy = null!;
    private JsonNode _same = null!;
    private JsonNode _changed = null!;

    [GlobalSetup]
    public void Setup()
    {
        var json = "[" + string.Join(",", Enumerable.Range(1, 8).Select(i =>
            $$"""{"id":{{i}},"name":"Contoso Smart Mouse {{i}}","description":"A mouse.","price":19.99,"categoryId":1,"categorySlug":"computers"}""")) + "]";
        _legacy = JsonNode.Parse(json)!;
        _same = JsonNode.Parse(json)!;
        _changed = JsonNode.Parse(json.Replace("\"price\":19.99,\"categoryId\":1,\"categorySlug\":\"computers\"}]", "\"price\":21.5,\"categoryId\":1,\"categorySlug\":\"computers\"}]"))!;
    }

    [Benchmark(Baseline = true)]
    public int Equal() => JsonDiff.Compare(_legacy, _same).Count();

    [Benchmark]
    public int OneFieldChanged() => JsonDiff.Compare(_legacy, _changed).Count();
}
