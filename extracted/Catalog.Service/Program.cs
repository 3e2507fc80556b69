using Catalog.Service.Backfill;
using Catalog.Service.Categories;
using Catalog.Service.Data;
using Catalog.Service.Hosting;
using Catalog.Service.Products;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddBehindFacadeConventions();
builder.AddCatalogDatabase();
builder.AddBackfill();

var app = builder.Build();

app.UseHttpConventions();
app.MapDefaultEndpoints();
app.MapProductsApi();
app.MapCategoriesApi();
app.MapBackfillApi();

app.Run();
