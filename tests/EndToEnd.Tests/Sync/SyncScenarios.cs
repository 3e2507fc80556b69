using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Migration.Facade.Contracts;
using EndToEnd.Tests.Infrastructure;

namespace EndToEnd.Tests.Sync;

/// <summary>Steps the sync tests share on either transport.</summary>
internal static class SyncScenarios
{
    public static async Task<StoreSession> StaffAsync(string baseUrl)
    {
        var staff = new StoreSession(baseUrl);
        using var signIn = await staff.SignInAsync("staff@example.com", "Staff-Passw0rd!");
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        return staff;
    }

    /// <summary>
    /// A create, an edit, a price change and a delete; returns how long each took to show on the service once the
    /// monolith had answered (committed) the write.
    /// </summary>
    public static async Task<TimeSpan[]> CreateEditPriceDeleteAsync(MigrationSystem system)
    {
        using var staff = await StaffAsync(system.PublicUrl);
        using var service = new HttpClient { BaseAddress = new Uri(system.CatalogUrl) };
        // The bound is for a running system: one untimed round first opens the monolith's connection to the transport
        // and runs every code path on both sides once.
        await CreateEditPriceDeleteRoundAsync(system, staff, service, "Warm Lamp");
        return await CreateEditPriceDeleteRoundAsync(system, staff, service, "Sync Lamp");
    }

    private static async Task<TimeSpan[]> CreateEditPriceDeleteRoundAsync(MigrationSystem system, StoreSession staff, HttpClient service, string name)
    {
        var (created, createLag) = await TimedAsync(system,
            () => staff.Client.PostAsJsonAsync("/api/products", new { name, description = "Bright.", price = 19.99m, categoryId = 2 }),
            service, response => $"/api/products/{ProductId(response)}", body => body.Contains($"\"{name}\""));
        var path = $"/api/products/{ProductId(created)}";
        var (_, editLag) = await TimedAsync(system,
            () => staff.Client.PutAsJsonAsync(path, new { name = name + " II", description = "Brighter.", price = 19.99m, categoryId = 2 }),
            service, _ => path, body => body.Contains($"\"{name} II\""));
        var (_, priceLag) = await TimedAsync(system,
            () => staff.Client.PutAsJsonAsync(path + "/price", new { price = 23.45m }), service, _ => path, body => body.Contains("23.45"));
        var (_, deleteLag) = await TimedAsync(system, () => staff.Client.DeleteAsync(path), service, _ => path, body => body == "404");
        return [createLag, editLag, priceLag, deleteLag];
    }

    /// <summary>Many price changes through the monolith, <paramref name="concurrency"/> at a time.</summary>
    public static async Task ChangePricesAsync(StoreSession staff, IEnumerable<(int ProductId, decimal Price)> changes, int concurrency = 4)
    {
        await Parallel.ForEachAsync(changes, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (change, ct) =>
        {
            using var response = await staff.Client.PutAsJsonAsync($"/api/products/{change.ProductId}/price", new { price = change.Price }, ct);
            Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"price change answered {(int)response.StatusCode}");
        });
    }

    /// <summary>
    /// A backfill while the monolith takes writes ends with verify at 0 mismatches; a mismatch planted in the service's
    /// database is named with its id and both values and blocks the flip; a repair unblocks it.
    /// </summary>
    public static async Task DataParityAsync(MigrationSystem system)
    {
        var env = system.CliEnvironment(system.OperatorToken);
        using var staff = new StoreSession(system.LegacyUrl);
        using (var signIn = await staff.SignInAsync("staff@example.com", "Staff-Passw0rd!"))
        {
            Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        }

        // The monolith keeps taking writes while the backfill copies: prices, an edit, a create and a delete.
        var backfill = CliRunner.RunAsync(["data", "backfill", "catalog"], env);
        var writes = new List<Task<HttpResponseMessage>>();
        for (var i = 0; i < 40; i++)
        {
            writes.Add(staff.Client.PutAsJsonAsync($"/api/products/{10 + i * 23}/price", new { price = 10m + i }));
        }
        writes.Add(staff.Client.PostAsJsonAsync("/api/products", new { name = "Backfill Race", description = "New.", price = 3.5m, categoryId = 1 }));
        writes.Add(staff.Client.DeleteAsync("/api/products/999"));
        foreach (var write in writes)
        {
            using var response = await write;
            Assert.True(response.IsSuccessStatusCode, $"a write answered {(int)response.StatusCode}");
        }
        var copied = await backfill;
        Assert.True(copied.ExitCode == 0, $"{copied.StdErr}\n{copied.StdOut}\n{system.Diagnostics()}");
        await system.WaitForLagAsync(TimeSpan.Zero, TimeSpan.FromSeconds(30));

        var clean = await CliRunner.RunAsync(["data", "verify", "catalog", "--json"], env);
        var report = JsonSerializer.Deserialize<VerifyReportDto>(clean.StdOut, JsonSerializerOptions.Web)!;
        Assert.True(clean.ExitCode == 0, clean.StdOut + clean.StdErr);
        Assert.Equal((0, report.MonolithCount), (report.Mismatches, report.ServiceCount));
        Assert.Equal(["products", "categories"], report.Tables!);

        // Behind the sync's back: the service's copy of product 321 gets another price, category 3 another name.
        using var monolith = new HttpClient { BaseAddress = new Uri(system.LegacyUrl) };
        var price = (await monolith.GetFromJsonAsync<JsonElement>("/api/products/321")).GetProperty("price").GetDecimal();
        var categoryName = (await monolith.GetFromJsonAsync<JsonElement>("/api/categories")).EnumerateArray()
            .Single(c => c.GetProperty("id").GetInt32() == 3).GetProperty("name").GetString()!;
        await system.PlantCatalogPriceAsync(321, price + 5m);
        Assert.Equal(1, await system.ExecuteSqlAsync(MigrationSystem.Owner.Catalog, "UPDATE \"Categories\" SET \"Name\" = 'Renamed' WHERE \"Id\" = 3"));

        var dirty = await CliRunner.RunAsync(["data", "verify", "catalog"], env);
        Assert.Equal(7, dirty.ExitCode);
        Assert.Matches($@"categories\s*│\s*3\s*│\s*different\s*│\s*name\s*│\s*{System.Text.RegularExpressions.Regex.Escape(categoryName)}\s*│\s*Renamed", dirty.StdOut);
        Assert.Matches($@"321\s*│\s*different\s*│\s*priceCents\s*│\s*{(long)(price * 100)}\s*│\s*{(long)((price + 5m) * 100)}", dirty.StdOut);
        var refused = await CliRunner.RunAsync(["flip", "catalog-read", "extracted", "--reason", "looks fine"], env);
        Assert.Equal(6, refused.ExitCode);
        Assert.Contains("found 2 mismatching records", refused.StdErr);

        // The repair a user runs: a backfill writes the owner's state over the drifted copy, then verify is clean.
        var repaired = await CliRunner.RunAsync(["data", "backfill", "catalog"], env);
        Assert.True(repaired.ExitCode == 0, repaired.StdErr);
        var verified = await CliRunner.RunAsync(["data", "verify", "catalog"], env);
        Assert.True(verified.ExitCode == 0, verified.StdOut + verified.StdErr);
        var allowed = await CliRunner.RunAsync(["flip", "catalog-read", "extracted", "--reason", "verified clean"], env);
        Assert.True(allowed.ExitCode == 0, allowed.StdErr);
        await system.FlipAsync("catalog-read", SliceStates.Legacy, "done");
    }

    /// <summary>
    /// A product in a category made behind the monolith's seam (no event) is an event the service cannot apply: it is
    /// retried on a schedule (~18 s), then dead-lettered (see <see cref="MigrationSystem.DeadLetteredAsync"/>), while the event behind it
    /// arrives at once. The repair: the category reaches the service, a backfill copies what is missing, verify is clean.
    /// </summary>
    public static async Task PoisonAsync(MigrationSystem system)
    {
        await system.EnsureBackfilledAsync();
        var category = Random.Shared.Next(100, 10_000);
        await system.ExecuteSqlAsync(MigrationSystem.Owner.Legacy,
            $"INSERT INTO \"Categories\" (\"Id\", \"Slug\", \"Name\", \"Version\", \"ChangedAt\") VALUES ({category}, 'secret-{category}', 'Secret', 1, '2026-01-01 00:00:00')");
        using var staff = await StaffAsync(system.PublicUrl);
        using var created = await staff.Client.PostAsJsonAsync("/api/products", new { name = "Orphan", description = "x", price = 1m, categoryId = category });
        created.EnsureSuccessStatusCode();

        var clock = Stopwatch.StartNew();
        var price = 70m + category / 100m;
        await ChangePricesAsync(staff, [(7, price)]);
        using var service = new HttpClient { BaseAddress = new Uri(system.CatalogUrl) };
        while (!(await service.GetStringAsync("/api/products/7")).Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"\"price\":{price},")))
        {
            // Held behind the poison it would wait out the whole schedule (~18 s); 5 s leaves room for a saturated CI run.
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the event behind the poison waited {clock.Elapsed.TotalSeconds:F1} s");
            await Task.Delay(10);
        }
        Assert.False(await system.DeadLetteredAsync("ProductCreated"), "the event behind the poison arrived only once the poison was dead-lettered");

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await system.DeadLetteredAsync("ProductCreated"))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the poison event never reached the dead letters\n{system.Diagnostics()}");
            await Task.Delay(250);
        }

        await system.ExecuteSqlAsync(MigrationSystem.Owner.Catalog,
            $"INSERT INTO \"Categories\" (\"Id\", \"Slug\", \"Name\") VALUES ({category}, 'secret-{category}', 'Secret')");
        var env = system.CliEnvironment(system.OperatorToken);
        var backfill = await CliRunner.RunAsync(["data", "backfill", "catalog"], env);
        Assert.True(backfill.ExitCode == 0, backfill.StdErr);
        var verify = await CliRunner.RunAsync(["data", "verify", "catalog"], env);
        Assert.True(verify.ExitCode == 0, verify.StdOut + verify.StdErr);
    }

    private static async Task<(HttpResponseMessage Write, TimeSpan Lag)> TimedAsync(MigrationSystem system,
        Func<Task<HttpResponseMessage>> write, HttpClient service, Func<HttpResponseMessage, string> path, Func<string, bool> arrived)
    {
        var response = await write();
        Assert.True(response.IsSuccessStatusCode, $"the write answered {(int)response.StatusCode}");
        var clock = Stopwatch.StartNew();
        var target = path(response);
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            using var read = await service.GetAsync(target);
            var body = read.StatusCode == HttpStatusCode.NotFound ? "404" : await read.Content.ReadAsStringAsync();
            if (arrived(body))
            {
                return (response, clock.Elapsed);
            }
            await Task.Delay(10);
        }
        throw new Xunit.Sdk.XunitException($"{target} never showed the change on Catalog.Service\n{system.Diagnostics()}");
    }

    private static int ProductId(HttpResponseMessage created) => int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
}
