// Full-host YARP: what an ordinary YARP app costs beside the slim baseline (BareYarp). The full host's defaults -
// CreateBuilder's configuration sources, logging providers (console, debug, EventSource) and this folder's
// appsettings.json, the `dotnet new web` template's (Default Information, Microsoft.AspNetCore Warning) - and
// MapReverseProxy, nothing else. Run with --contentRoot tests/Benchmarks/FullYarp, --RoutesFile <the facade's
// appsettings.json> and the destination addresses on the command line.
var builder = WebApplication.CreateBuilder(args);

// The routes and clusters are the facade's, read from its appsettings.json (path in RoutesFile) with the command line
// on top (the destination addresses). Only that file's ReverseProxy section is used: adding the whole file to the
// host's configuration would also bring the facade's Logging levels over this app's own.
var routesFile = builder.Configuration["RoutesFile"]
    ?? throw new InvalidOperationException("--RoutesFile <path to an appsettings.json with a ReverseProxy section> is required");
var routes = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(routesFile), optional: false).AddCommandLine(args).Build();
builder.Services.AddReverseProxy().LoadFromConfig(routes.GetSection("ReverseProxy"));

var app = builder.Build();
app.MapReverseProxy();
app.Run();
