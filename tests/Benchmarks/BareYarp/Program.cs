// Bare YARP: the facade's ReverseProxy section (routes, clusters) and nothing else - no telemetry, no slices, no
// logging. Run with --contentRoot facade/Migration.Facade and the destination addresses on the command line.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));

var app = builder.Build();
app.MapReverseProxy();
app.Run();
