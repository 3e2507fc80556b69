using Legacy.Store.Customers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Legacy.Store.Catalog;

internal sealed record PriceChange(decimal? Price);

/// <summary>The back office's catalog writes: staff only, problem details on every refusal.</summary>
internal static class ProductWritesApi
{
    public static IEndpointRouteBuilder MapProductWritesApi(this IEndpointRouteBuilder app)
    {
        var products = app.MapGroup("/api/products").RequireAuthorization(StoreAuth.StaffPolicy);
        products.MapPost("", Create);
        products.MapPut("/{id:int}", Update);
        products.MapPut("/{id:int}/price", ChangePrice);
        products.MapDelete("/{id:int}", Delete);
        return app;
    }

    private static async Task<Results<Created<Contracts.ProductDto>, ValidationProblem, ProblemHttpResult>> Create(
        ProductInput input, CatalogWriter writer, Data.StoreDbContext db, CancellationToken cancellationToken)
    {
        switch (await writer.CreateAsync(input, cancellationToken))
        {
            case CatalogWrite.Done done:
                var created = await db.FindProductAsync(done.Product.Id, cancellationToken);
                return TypedResults.Created($"/api/products/{done.Product.Id}", created);
            case CatalogWrite.Invalid invalid:
                return TypedResults.ValidationProblem(invalid.Errors);
            default:
                return Conflict();
        }
    }

    private static async Task<Results<NoContent, ValidationProblem, NotFound, ProblemHttpResult>> Update(
        int id, ProductInput input, CatalogWriter writer, CancellationToken cancellationToken) =>
        Written(await writer.UpdateAsync(id, input, cancellationToken));

    private static async Task<Results<NoContent, ValidationProblem, NotFound, ProblemHttpResult>> ChangePrice(
        int id, PriceChange change, CatalogWriter writer, CancellationToken cancellationToken)
    {
        if (ProductInput.PriceError(change.Price) is { } error)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["price"] = [error] });
        }
        return Written(await writer.ChangePriceAsync(id, Contracts.Money.ToCents(change.Price!.Value), cancellationToken));
    }

    private static async Task<Results<NoContent, ValidationProblem, NotFound, ProblemHttpResult>> Delete(
        int id, CatalogWriter writer, CancellationToken cancellationToken) =>
        Written(await writer.DeleteAsync(id, cancellationToken));

    private static Results<NoContent, ValidationProblem, NotFound, ProblemHttpResult> Written(CatalogWrite result) => result switch
    {
        CatalogWrite.Done => TypedResults.NoContent(),
        CatalogWrite.NotFound => TypedResults.NotFound(),
        CatalogWrite.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
        _ => Conflict(),
    };

    private static ProblemHttpResult Conflict() => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "The product changed while this request was being handled.",
            detail: "Read it again and repeat the change.");
}
