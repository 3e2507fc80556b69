using System.Net.Http.Json;
using Migration.Facade.Contracts;

namespace Catalog.Service.Tests.Infrastructure;

public static class BackfillDriver
{
    /// <summary>Starts a backfill and polls until it is no longer running (or a generous deadline passes).</summary>
    public static async Task<BackfillProgressDto> RunToEndAsync(HttpClient client)
    {
        using var start = await client.PostAsync("/internal/backfill", null);
        Assert.True(start.IsSuccessStatusCode, $"POST /internal/backfill answered {(int)start.StatusCode}");
        return await WaitUntilFinishedAsync(client);
    }

    public static async Task<BackfillProgressDto> WaitUntilFinishedAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var progress = await client.GetFromJsonAsync<BackfillProgressDto>("/internal/backfill");
            Assert.NotNull(progress);
            if (progress.Status != BackfillProgressDto.Running)
            {
                return progress;
            }
            Assert.True(DateTime.UtcNow < deadline, "The backfill did not finish within two minutes.");
            await Task.Delay(50);
        }
    }
}
