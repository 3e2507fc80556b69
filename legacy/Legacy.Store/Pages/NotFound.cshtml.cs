using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Legacy.Store.Pages;

/// <summary>Target of status-code re-execution for non-API paths; always answers 404.</summary>
[IgnoreAntiforgeryToken]
internal sealed class NotFoundModel : PageModel
{
    public string Path { get; private set; } = "";

    public void OnGet()
    {
        Path = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? Request.Path;
        Response.StatusCode = StatusCodes.Status404NotFound;
    }

    // Re-execution keeps the original method, so an unknown POST lands here too.
    public void OnPost() => OnGet();
}
