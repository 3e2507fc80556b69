using Microsoft.AspNetCore.Mvc;

namespace Legacy.Store.Pages;

/// <summary>
/// 303 See Other: after a POST the browser must GET the next page, never re-POST it on refresh.
/// The location stays relative so it names whatever address the user called (the facade's, behind it).
/// </summary>
internal sealed class SeeOtherResult(string location) : IActionResult
{
    public string Location { get; } = location;

    public Task ExecuteResultAsync(ActionContext context)
    {
        context.HttpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.HttpContext.Response.Headers.Location = Location;
        return Task.CompletedTask;
    }
}
