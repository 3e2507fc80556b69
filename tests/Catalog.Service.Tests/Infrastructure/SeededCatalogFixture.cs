using Legacy.Store.Contracts;
using Migration.Facade.Contracts;

namespace Catalog.Service.Tests.Infrastructure;

/// <summary>
/// One Catalog.Service per test class, filled through a real backfill from a small, hand-made catalog
/// whose names and prices exercise sorting ties, case and LIKE wildcards.
/// </summary>
public sealed class SeededCatalogFixture : IAsyncLifetime
{
    public FakeLegacyCatalog Legacy { get; } = CreateLegacy();

    public CatalogServiceFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new CatalogServiceFactory(() => Legacy);
        var progress = await BackfillDriver.RunToEndAsync(Factory.CreateClient());
        Assert.Equal(BackfillProgressDto.Completed, progress.Status);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    private static FakeLegacyCatalog CreateLegacy()
    {
        var legacy = new FakeLegacyCatalog();
        legacy.Categories.Clear();
        legacy.Categories.AddRange([new(1, "books", "Books", 0), new(2, "garden", "Garden", 0), new(3, "toys", "Toys", 0)]);
        legacy.Products.AddRange(
        [
            new ProductDto(1, "Blue Mug", "A mug.", 5.00m, 2, "garden"),
            new ProductDto(2, "apple tree", "A tree.", 30.00m, 2, "garden"),
            new ProductDto(3, "Cookbook", "Recipes.", 12.50m, 1, "books"),
            new ProductDto(4, "100% Cotton_Bag", "A bag.", 7.00m, 1, "books"),
            new ProductDto(5, "Anvil", "Heavy.", 12.50m, 1, "books"),
        ]);
        for (var id = 6; id <= 25; id++)
        {
            legacy.Products.Add(new ProductDto(id, $"Zed {id:D2}", "Filler.", 99.99m, 2, "garden"));
        }
        return legacy;
    }
}
