using Migration.Cli;

return await StranglerApp.Create(CliHost.FromProcess()).RunAsync(args);
