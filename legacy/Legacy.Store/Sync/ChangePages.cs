using Legacy.Store.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Migration.Messaging.Applied;

namespace Legacy.Store.Sync;

/// <summary>A row the sync feeds report changes of: its id, its version and when it last changed (UTC).</summary>
internal interface IVersionedRow
{
    int Id { get; }
    long Version { get; }
    DateTime ChangedAt { get; }
}

/// <summary>One table of a change feed, named by the stream its events carry.</summary>
internal sealed class ChangeSource<T>(IQueryable<T> rows, string stream) : ChangePages.ISource where T : class, IVersionedRow
{
    public async Task<List<ChangeMark>> AfterAsync(DateTime after, bool inclusive, int take, CancellationToken ct) =>
        Marks(await (inclusive ? rows.Where(x => x.ChangedAt >= after) : rows.Where(x => x.ChangedAt > after))
            .OrderBy(x => x.ChangedAt).Take(take).Select(x => new Row(x.Id, x.Version, x.ChangedAt)).ToListAsync(ct));

    public async Task<List<ChangeMark>> AtAsync(DateTime at, CancellationToken ct) =>
        Marks(await rows.Where(x => x.ChangedAt == at).Select(x => new Row(x.Id, x.Version, x.ChangedAt)).ToListAsync(ct));

    private List<ChangeMark> Marks(List<Row> found) => found.Select(r => new ChangeMark(stream, r.Id, r.Version, SyncPaging.Utc(r.ChangedAt))).ToList();

    private sealed record Row(int Id, long Version, DateTime ChangedAt);
}

/// <summary>What the monolith's sync feeds share: the page limit, UTC times, and the change feed's paging rule.</summary>
internal static class ChangePages
{
    internal interface ISource
    {
        Task<List<ChangeMark>> AfterAsync(DateTime after, bool inclusive, int take, CancellationToken ct);

        Task<List<ChangeMark>> AtAsync(DateTime at, CancellationToken ct);
    }

    /// <summary>
    /// Rows of <paramref name="sources"/> changed strictly after <paramref name="since"/>, oldest first: about
    /// <paramref name="take"/> of them, never cutting a group that shares one change time (see <see cref="IChangeFeed"/>).
    /// </summary>
    public static async Task<List<ChangeMark>> PageAsync(DateTimeOffset? since, int take, CancellationToken ct, params ISource[] sources)
    {
        // From the very start the bound is inclusive: rows that existed before versions carry the minimum time.
        var after = (since ?? DateTimeOffset.MinValue).UtcDateTime;
        var marks = new List<ChangeMark>();
        foreach (var source in sources)
        {
            marks.AddRange(await source.AfterAsync(after, after == DateTime.MinValue, take, ct));
        }
        marks = InOrder(marks).Take(take).ToList();
        if (marks.Count == take)
        {
            var last = marks[^1].ChangedAt;
            var group = new List<ChangeMark>();
            foreach (var source in sources)
            {
                group.AddRange(await source.AtAsync(last.UtcDateTime, ct));
            }
            marks = InOrder(marks.Where(m => m.ChangedAt != last).Concat(group)).ToList();
        }
        return marks;
    }

    private static IEnumerable<ChangeMark> InOrder(IEnumerable<ChangeMark> marks) =>
        marks.OrderBy(m => m.ChangedAt).ThenBy(m => m.Stream, StringComparer.Ordinal).ThenBy(m => m.Id);
}

/// <summary>The page limit and the UTC times of the monolith's sync feeds.</summary>
internal static class SyncPaging
{
    public static ValidationProblem? LimitError(int? limit) => limit is < 1 or > SyncRoutes.MaxLimit
        ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"limit must be between 1 and {SyncRoutes.MaxLimit}."] })
        : null;

    /// <summary>SQLite hands DateTime back unspecified; every stored time is UTC.</summary>
    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
