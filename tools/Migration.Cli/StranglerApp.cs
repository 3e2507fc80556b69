using Migration.Cli.Commands;
using Migration.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace Migration.Cli;

/// <summary>Builds the command tree; Program.cs and the tests share it.</summary>
internal static class StranglerApp
{
    public static CommandApp Create(CliHost host)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("strangler");
            config.ConfigureConsole(host.Out);
            config.Settings.Registrar.RegisterInstance(host);
            config.SetHelpProvider(new ExitCodesHelpProvider(config.Settings));
            config.SetExceptionHandler((exception, _) => FailureReporter.Report(exception, host.Error));

            config.AddCommand<StatusCommand>("status")
                .WithDescription("Show how far the migration has come: slices and routes extracted, and every slice's state.");
            config.AddCommand<FlipCommand>("flip")
                .WithDescription("Move a slice to another state (legacy, shadow, canary, extracted).")
                .WithExample("flip", "catalog-read", "canary", "--percentage", "10", "--reason", "\"first users\"");
            config.AddCommand<ShadowCommand>("shadow")
                .WithDescription("Put a slice in shadow: the monolith answers, a copy goes to the extracted side and is compared.")
                .WithExample("shadow", "catalog-read", "--reason", "\"compare before the canary\"");
            config.AddCommand<CanaryCommand>("canary")
                .WithDescription("Send a sticky share of users (1-99%) to the extracted side.")
                .WithExample("canary", "catalog-read", "10", "--reason", "\"parity 100% for a day\"");
            config.AddCommand<RollbackCommand>("rollback")
                .WithDescription("Send a slice back to the monolith at once.");
            config.AddCommand<DiffCommand>("diff")
                .WithDescription("Show a slice's shadow parity and the latest differing answers.");
            config.AddCommand<OverrideCommand>("override")
                .WithDescription("Issue a tester pass (X-Migration-Side header) that forces one side of a slice.");
            config.AddCommand<RevokeCommand>("revoke")
                .WithDescription("End a tester pass before it expires (its id is printed when it is issued).")
                .WithExample("revoke", "catalog-read", "3f9c2a1b4d5e6f70", "--reason", "\"shared too widely\"");
            config.AddCommand<AuditCommand>("audit")
                .WithDescription("List recorded slice changes, newest first.");
            config.AddBranch("data", data =>
            {
                data.SetDescription("Data migration for extracted services.");
                data.AddCommand<BackfillCommand>("backfill")
                    .WithDescription("Copy a service's data from the monolith and wait until it is done.");
                data.AddCommand<VerifyCommand>("verify")
                    .WithDescription("Compare a service's data with the monolith's and list every record that differs.");
            });
        });
        return app;
    }
}
