using Legacy.Store.Catalog;
using Legacy.Store.Customers;
using Legacy.Store.Data;
using Legacy.Store.Hosting;
using Legacy.Store.Inventory;
using Legacy.Store.Orders;
using Legacy.Store.Sync;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddStoreDatabase();
builder.AddStoreAuth();
builder.AddStoreEvents();
builder.AddStoreWeb();

var app = builder.Build();

app.UseStoreWeb();
app.MapDefaultEndpoints();
app.MapCatalogApi();
app.MapProductWritesApi();
app.MapCatalogSyncApi();
app.MapOrderSyncApi();
app.MapInventoryApi();
app.MapCustomersApi();
app.MapOrdersApi();
app.MapRazorPages();

app.Run();
