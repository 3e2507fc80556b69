using Migration.Facade;

// The composition root lives in FacadeApp so tests can start the very same host on free ports.
var app = FacadeApp.Build(WebApplication.CreateBuilder(args));
app.Run();
