namespace Legacy.Store.Catalog;

internal sealed class Category
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public List<Product> Products { get; } = [];
}
