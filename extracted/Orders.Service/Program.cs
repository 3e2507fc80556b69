using Migration.Messaging.Backfill;
using Migration.ServiceDefaults.Identity;
using Orders.Service.Backfill;
using Orders.Service.Catalog;
using Orders.Service.Data;
using Orders.Service.Ordering;
using Orders.Service.Stock;
using Orders.Service.Sync;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddBehindFacadeConventions();
builder.AddFacadeIdentity();
builder.AddOrdersDatabase();
builder.AddCatalogClient();
builder.AddStockDesk();
builder.AddOrderSync();
builder.AddBackfill();
builder.AddOrdering();

var app = builder.Build();

app.UseBehindFacadeConventions();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapOrdersApi();
app.MapCustomersApi();
app.MapBackfillApi();
app.MapSyncApi();

app.Run();
