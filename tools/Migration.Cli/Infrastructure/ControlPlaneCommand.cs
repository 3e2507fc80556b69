using Spectre.Console.Cli;

namespace Migration.Cli.Infrastructure;

/// <summary>
/// Resolves the control plane, hands the command a client, and turns every HTTP failure into a
/// <see cref="CliException"/> so the user gets one line and a meaningful exit code.
/// </summary>
internal abstract class ControlPlaneCommand<TSettings>(CliHost host) : AsyncCommand<TSettings>
    where TSettings : ControlPlaneSettings
{
    protected CliHost Host { get; } = host;

    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        var target = ControlPlaneTarget.Resolve(settings.Url, settings.Token, Host.Environment);
        using var http = AdminClient.CreateHttpClient(target);
        try
        {
            return await RunAsync(AdminClient.Create(http), settings, cancellationToken);
        }
        catch (Exception exception) when (ControlPlaneErrors.Translate(exception, target, NotFoundSubject(settings)) is { } failure)
        {
            throw failure;
        }
    }

    protected abstract Task<int> RunAsync(IAdminApi api, TSettings settings, CancellationToken cancellationToken);

    /// <summary>What a 404 refers to for this command, e.g. "slice 'catalog-read'"; null for a generic message.</summary>
    protected virtual string? NotFoundSubject(TSettings settings) => null;

    protected void WriteJson<T>(T value) => JsonOutput.Write(Host.Out, value);
}
