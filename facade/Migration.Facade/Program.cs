using Migration.Facade;

// The composition root lives in FacadeApp so tests can start the very same hosts on free ports.
await using var facade = FacadeApp.Build(WebApplication.CreateBuilder(args));
await facade.RunAsync();
