using System.Net;
using System.Net.Http.Json;
using Catalog.Service.Tests.Infrastructure;
using Migration.Facade.Contracts;

namespace Catalog.Service.Tests.Backfill;

public sealed class BackfillApiTests
{
    [Fact]
    public async Task Progress_is_idle_before_any_run()
    {
        await using var factory = new CatalogServiceFactory(() => FakeLegacyCatalog.WithProducts(1));

        var progress = await factory.CreateClient().GetFromJsonAsync<BackfillProgressDto>("/internal/backfill");

        Assert.Equal(("catalog", BackfillProgressDto.Idle), (progress!.Service, progress.Status));
    }

    [Fact]
    public async Task After_a_restart_the_service_still_reports_when_its_last_backfill_finished()
    {
        var legacy = FakeLegacyCatalog.WithProducts(30);
        using var folder = new TempFolder();
        var database = folder.File("catalog.db");
        BackfillProgressDto done;
        // The first process is gone before the second opens its database, as in a real restart.
        await using (var first = new CatalogServiceFactory(() => legacy, database))
        {
            done = await BackfillDriver.RunToEndAsync(first.CreateClient());
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        await using var restarted = new CatalogServiceFactory(() => legacy, database);
        var progress = await restarted.CreateClient().GetFromJsonAsync<BackfillProgressDto>("/internal/backfill");

        Assert.Equal((BackfillProgressDto.Completed, 30), (progress!.Status, progress.ItemsCopied));
        Assert.Equal(done.FinishedAt!.Value, progress.FinishedAt!.Value, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_started_backfill_is_accepted_and_completes_with_totals()
    {
        var legacy = FakeLegacyCatalog.WithProducts(250);
        await using var factory = new CatalogServiceFactory(() => legacy);
        var client = factory.CreateClient();

        using var start = await client.PostAsync("/internal/backfill", null);
        var accepted = await start.Content.ReadFromJsonAsync<BackfillProgressDto>();
        var done = await BackfillDriver.WaitUntilFinishedAsync(client);

        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        Assert.Equal(("catalog", BackfillProgressDto.Running), (accepted!.Service, accepted.Status));
        Assert.Equal((BackfillProgressDto.Completed, 3, 3, 250, 250, null),
            (done.Status, done.PagesDone, done.TotalPages, done.ItemsCopied, done.TotalItems, done.Error));
        Assert.NotNull(done.StartedAt);
        Assert.NotNull(done.FinishedAt);
        Assert.Equal("250", (await client.GetAsync("/api/products")).Headers.GetValues("X-Total-Count").Single());
    }

    [Fact]
    public async Task Starting_while_running_returns_the_current_run()
    {
        var legacy = FakeLegacyCatalog.WithProducts(10);
        legacy.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var factory = new CatalogServiceFactory(() => legacy);
        var client = factory.CreateClient();

        using var first = await client.PostAsync("/internal/backfill", null);
        using var second = await client.PostAsync("/internal/backfill", null);
        var current = await second.Content.ReadFromJsonAsync<BackfillProgressDto>();
        legacy.Gate.SetResult();
        var done = await BackfillDriver.WaitUntilFinishedAsync(client);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(BackfillProgressDto.Running, current!.Status);
        Assert.Equal(BackfillProgressDto.Completed, done.Status);
        Assert.Equal([1], legacy.RequestedPages);
    }

    [Fact]
    public async Task A_failing_monolith_marks_the_run_failed_with_the_reason()
    {
        var legacy = FakeLegacyCatalog.WithProducts(10);
        legacy.CategoriesMissing = true;
        await using var factory = new CatalogServiceFactory(() => legacy);

        var done = await BackfillDriver.RunToEndAsync(factory.CreateClient());

        Assert.Equal(BackfillProgressDto.Failed, done.Status);
        Assert.Contains("404", done.Error);
    }
}
