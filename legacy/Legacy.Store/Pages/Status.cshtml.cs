using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Legacy.Store.Pages;

/// <summary>The HTML page for an empty error response outside <c>/api</c> (status-code re-execution); keeps the status.</summary>
[IgnoreAntiforgeryToken]
internal sealed class StatusModel : PageModel
{
    public int Code { get; private set; }
    public string Path { get; private set; } = "";

    public string Title => Code switch
    {
        404 => "Page not found",
        400 => "Bad request",
        403 => "Access denied",
        _ => "Something went wrong",
    };

    public void OnGet(int code)
    {
        Code = code is >= 400 and <= 599 ? code : 404;
        Path = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? Request.Path;
        Response.StatusCode = Code;
    }

    // Re-execution keeps the original method, so a failed POST lands here too.
    public void OnPost(int code) => OnGet(code);
}
