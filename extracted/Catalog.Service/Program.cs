using Catalog.Service.Backfill;
using Catalog.Service.Categories;
using Catalog.Service.Data;
using Catalog.Service.Hosting;
using Catalog.Service.Products;
using Catalog.Service.Sync;
using Migration.Messaging.Backfill;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddBehindFacadeConventions();
builder.AddCatalogDatabase();
builder.AddCatalogSync();
builder.AddBackfill();

var app = builder.Build();

app.UseHttpConventions();
app.MapDefaultEndpoints();
app.MapProductsApi();
app.MapCategoriesApi();
app.MapBackfillApi();
app.MapSyncApi();

app.Run();
