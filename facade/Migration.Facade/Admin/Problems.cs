using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Migration.Facade.Admin;

/// <summary>RFC 7807 bodies for the admin API's expected failures.</summary>
internal static class Problems
{
    public static NotFound<ProblemDetails> NotFound(string detail) =>
        TypedResults.NotFound(Create(StatusCodes.Status404NotFound, "Not Found", detail, "https://tools.ietf.org/html/rfc9110#section-15.5.5"));

    public static Conflict<ProblemDetails> Conflict(string detail) =>
        TypedResults.Conflict(Create(StatusCodes.Status409Conflict, "Conflict", detail, "https://tools.ietf.org/html/rfc9110#section-15.5.10"));

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message);

    private static ProblemDetails Create(int status, string title, string detail, string type) =>
        new() { Status = status, Title = title, Detail = detail, Type = type };
}
