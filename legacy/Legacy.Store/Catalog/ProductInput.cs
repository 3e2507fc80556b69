using Legacy.Store.Contracts;

namespace Legacy.Store.Catalog;

/// <summary>The body of <c>POST /api/products</c> and <c>PUT /api/products/{id}</c>.</summary>
internal sealed record ProductInput(string? Name, string? Description, decimal? Price, int? CategoryId)
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 2000;
    public const decimal MaxPrice = 1_000_000m;

    /// <summary>Field errors keyed by camelCase name, or null when the input is valid (the category is checked later).</summary>
    public Dictionary<string, string[]>? Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > MaxNameLength)
        {
            errors["name"] = [$"name is required, at most {MaxNameLength} characters."];
        }
        if (Description is null || Description.Length > MaxDescriptionLength)
        {
            errors["description"] = [$"description is required (may be empty), at most {MaxDescriptionLength} characters."];
        }
        if (PriceError(Price) is { } price)
        {
            errors["price"] = [price];
        }
        if (CategoryId is null)
        {
            errors["categoryId"] = ["categoryId is required."];
        }
        return errors.Count == 0 ? null : errors;
    }

    public static string? PriceError(decimal? price) =>
        price is not { } p || p <= 0 || p > MaxPrice || decimal.Round(p, 2) != p
            ? $"price must be greater than 0 and at most {MaxPrice}, with at most two decimals."
            : null;

    public long PriceCents => Money.ToCents(Price!.Value);
}
