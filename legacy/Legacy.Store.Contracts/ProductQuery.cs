namespace Legacy.Store.Contracts;

/// <summary>The validated query of <c>GET /api/products</c>.</summary>
public sealed record ProductQuery(int Page, int PageSize, string? Category, string? Search, string? Sort)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public static readonly IReadOnlyList<string> SortValues = ["name", "-name", "price", "-price"];

    /// <summary>Parses raw query values; returns null and fills <paramref name="errors"/> when any is invalid.</summary>
    public static ProductQuery? TryParse(string? page, string? pageSize, string? category, string? search, string? sort,
        out Dictionary<string, string[]> errors)
    {
        errors = [];
        var p = 1;
        var size = DefaultPageSize;
        if (!string.IsNullOrEmpty(page) && (!int.TryParse(page, out p) || p < 1))
        {
            errors["page"] = ["page must be a whole number of 1 or more."];
        }
        if (!string.IsNullOrEmpty(pageSize) && (!int.TryParse(pageSize, out size) || size < 1 || size > MaxPageSize))
        {
            errors["pageSize"] = [$"pageSize must be a whole number from 1 to {MaxPageSize}."];
        }
        if (!string.IsNullOrEmpty(sort) && !SortValues.Contains(sort))
        {
            errors["sort"] = [$"sort must be one of {string.Join(", ", SortValues)}."];
        }
        if (search is { Length: > 100 })
        {
            errors["search"] = ["search must be at most 100 characters."];
        }
        return errors.Count > 0
            ? null
            : new ProductQuery(p, size, NullIfEmpty(category), NullIfEmpty(search), NullIfEmpty(sort));
    }

    public int Skip => (Page - 1) * PageSize;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
