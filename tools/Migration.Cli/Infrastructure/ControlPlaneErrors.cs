using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Refit;

namespace Migration.Cli.Infrastructure;

/// <summary>Turns transport failures and problem-details answers into the one line a user needs.</summary>
internal static class ControlPlaneErrors
{
    /// <param name="subject">What a 404 means for this command, e.g. "slice 'catalog-read'".</param>
    public static CliException? Translate(Exception exception, ControlPlaneTarget target, string? subject)
    {
        if (exception is ApiException api)
        {
            return FromResponse(api, target, subject);
        }

        return TransportReason(exception) is { } reason
            ? new CliException(ExitCodes.Unreachable, $"cannot reach the control plane at {Display(target.Url)}: {reason}")
            : null;
    }

    private static CliException FromResponse(ApiException api, ControlPlaneTarget target, string? subject)
    {
        var problem = ProblemText(api.Content)?.TrimEnd('.', ' ');
        var said = problem ?? $"{(int)api.StatusCode} {api.ReasonPhrase}".TrimEnd();
        return api.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new(ExitCodes.NotAuthorized,
                $"not authenticated: {(target.Token is null ? "no token was sent" : said)}; pass --token or set {ControlPlaneTarget.TokenVariable}"),
            HttpStatusCode.Forbidden => new(ExitCodes.NotAuthorized,
                $"not allowed: {problem ?? "the token's role does not permit this; changes need an operator token"}"),
            // The control plane's detail already names the missing thing; only say it ourselves when it did not.
            HttpStatusCode.NotFound => new(ExitCodes.NotFound,
                problem ?? (subject is null ? $"not found: {said}" : $"unknown {subject}")),
            HttpStatusCode.Conflict when ProblemTitle(api.Content) == Migration.Facade.Contracts.ProblemTitles.StaleVersion => new(ExitCodes.Refused,
                $"stale version: {said}; someone else changed it since it was read, re-run the command"),
            HttpStatusCode.Conflict => new(ExitCodes.Refused, $"refused: {said}"),
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => new(ExitCodes.Refused,
                $"refused: {said}"),
            _ => new(ExitCodes.Failed, $"the control plane answered {(int)api.StatusCode}: {said}"),
        };
    }

    private static string? ProblemTitle(string? content) => Problem(content, "title");

    /// <summary>The problem details' detail, else its title; null when the body is not a problem.</summary>
    private static string? ProblemText(string? content) => Problem(content, "detail") ?? Problem(content, "title");

    private static string? Problem(string? content, string field)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(content);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            return Text(document.RootElement, field);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement problem, string name) =>
        problem.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
        && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;

    private static string? TransportReason(Exception exception)
    {
        foreach (var current in Chain(exception))
        {
            switch (current)
            {
                case SocketException socket:
                    return socket.SocketErrorCode switch
                    {
                        SocketError.ConnectionRefused => "connection refused",
                        SocketError.HostNotFound or SocketError.NoData => "host not found",
                        SocketError.TimedOut => "timed out",
                        _ => socket.Message,
                    };
                case TimeoutException:
                    return "timed out";
            }
        }
        return Chain(exception).OfType<HttpRequestException>().FirstOrDefault()?.Message;
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }

    private static string Display(Uri url) => url.GetLeftPart(UriPartial.Path).TrimEnd('/');
}
