using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Migration.Facade.Flags;
using Migration.Facade.Metrics;
using Migration.Facade.Shadow;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Model;

namespace Migration.Facade.Tests.Shadow;

/// <summary>
/// The background comparer on its own, with a scripted HTTP handler: every queued job is processed before the
/// reader completes, so the outcome is known without waiting on time.
/// </summary>
public sealed class ShadowWorkerTests
{
    private const string Slice = "s";
    private readonly ConcurrentQueue<Uri> _sent = new();
    private readonly MirrorQueue _queue = new(100);
    private readonly ShadowStatistics _statistics = new(Options.Create(new ShadowQueueOptions()), Options.Create(new SliceSettingsOptions()));

    private void Run(Func<HttpRequestMessage, HttpResponseMessage> answer, params ShadowJob[] jobs)
    {
        foreach (var job in jobs) Assert.True(_queue.TryWrite(job));
        _queue.Complete();
        var worker = new ShadowWorker(_queue, new ShadowTransport(new Scripted(request =>
        {
            _sent.Enqueue(request.RequestUri!);
            return answer(request);
        })), _statistics, Options.Create(new ShadowQueueOptions()), TimeProvider.System, NullLogger<ShadowWorker>.Instance);
        worker.Consume(CancellationToken.None);
    }

    private static ShadowJob Job(string method, ShadowOptions options, string extractedAddress = "http://extracted/") =>
        new(Slice, options, method, "/api/x", new QueryString("?q=1"), [], method == "POST" ? "{}"u8.ToArray() : null,
            200, [new("Content-Type", ["application/json; charset=utf-8"])], """{"id":1}"""u8.ToArray(),
            Cluster(extractedAddress), Cluster("http://legacy/"), DateTimeOffset.UtcNow);

    private static HttpResponseMessage Json(string json) =>
        new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    [Fact]
    public void An_unexpected_failure_is_counted_as_an_error_and_the_next_mirror_is_still_compared()
    {
        var calls = 0;
        Run(_ => Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("boom") : Json("""{"id":1}"""),
            Job("GET", new ShadowOptions()), Job("GET", new ShadowOptions()));

        var report = _statistics.Report(Slice);
        Assert.Equal((1, 1L), (report.Matches, report.Skipped[ShadowSkipReasons.Error]));
    }

    [Fact]
    public void Noise_cancellation_asks_the_monolith_again_for_a_GET_but_never_for_a_mirrored_POST()
    {
        var options = new ShadowOptions { NoiseCancellation = true, MirrorMethods = ["POST"] };

        // The monolith answers the same twice, so the extracted side's difference is real, not noise.
        Run(request => Json(request.RequestUri!.Host == "legacy" ? """{"id":1}""" : """{"id":2}"""),
            Job("POST", options), Job("GET", options));

        Assert.Equal(["extracted", "extracted", "legacy"], _sent.Select(u => u.Host));
        Assert.Equal(2, _statistics.Report(Slice).Differences);
    }

    [Fact]
    public void A_mirror_that_waited_too_long_is_dropped_as_stale_and_never_sent()
    {
        Run(_ => Json("""{"id":1}"""), Job("GET", new ShadowOptions()) with { At = DateTimeOffset.UtcNow.AddMinutes(-1) });

        Assert.Empty(_sent);
        Assert.Equal(1L, _statistics.Report(Slice).Skipped[ShadowSkipReasons.Stale]);
    }

    [Fact]
    public void A_sample_keeps_at_most_its_share_of_differences()
    {
        var many = "{" + string.Join(",", Enumerable.Range(0, 120).Select(i => $"\"f{i}\":{i}")) + "}";
        Run(_ => Json(many), Job("GET", new ShadowOptions()));

        Assert.Equal(50, Assert.Single(_statistics.Report(Slice).Samples).Differences.Count);
    }

    [Fact]
    public void An_extracted_answer_over_the_body_limit_is_skipped_as_size()
    {
        Run(_ => Json($$"""{"id":1,"pad":"{{new string('x', 100)}}"}"""), Job("GET", new ShadowOptions { MaxResponseBodyBytes = 50 }));

        var report = _statistics.Report(Slice);
        Assert.Equal((0L, 1L), (report.Compared, report.Skipped[ShadowSkipReasons.Size]));
    }

    [Fact]
    public void The_mirror_goes_to_the_destination_address_with_its_path_prefix_and_the_user_s_query()
    {
        Run(_ => Json("""{"id":1}"""), Job("GET", new ShadowOptions(), "http://extracted/base/"));

        Assert.Equal("http://extracted/base/api/x?q=1", Assert.Single(_sent).ToString());
        Assert.Equal(1, _statistics.Report(Slice).Matches);
    }

    [Fact]
    public async Task Mirrors_are_sent_from_threads_at_the_lowest_OS_priority()
    {
        var seen = new TaskCompletionSource<(string Thread, int Nice)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var worker = new ShadowWorker(_queue, new ShadowTransport(new Scripted(_ =>
        {
            seen.TrySetResult((Thread.CurrentThread.Name ?? "", CurrentThreadNice()));
            return Json("""{"id":1}""");
        })), _statistics, Options.Create(new ShadowQueueOptions()), TimeProvider.System, NullLogger<ShadowWorker>.Instance);

        await worker.StartAsync(CancellationToken.None);
        Assert.True(_queue.TryWrite(Job("GET", new ShadowOptions())));
        var (thread, nice) = await seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await worker.StopAsync(CancellationToken.None);

        // On a saturated facade this is what sheds mirrors instead of slowing users: they only get idle CPU.
        Assert.Equal(("Shadow mirror", IdlePriority.LowestNice), (thread, nice));
    }

    [Fact]
    public void Idle_priority_lowers_only_the_calling_thread()
    {
        var lowered = -1;
        var thread = new Thread(() => lowered = IdlePriority.TryApplyToCurrentThread() ? CurrentThreadNice() : -2);
        thread.Start();
        thread.Join();

        Assert.Equal((IdlePriority.LowestNice, 0), (lowered, CurrentThreadNice()));
    }

    // Field 19 of /proc/thread-self/stat (Linux): the thread's nice value, counted after the parenthesised name.
    private static int CurrentThreadNice() =>
        int.Parse(File.ReadAllText("/proc/thread-self/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[16]);

    private static ClusterState Cluster(string address)
    {
        var destination = new DestinationState("d", new DestinationModel(new DestinationConfig { Address = address }));
        return new ClusterState("c") { DestinationsState = new ClusterDestinationsState([destination], [destination]) };
    }

    private sealed class Scripted(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) => answer(request);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(request));
    }
}
