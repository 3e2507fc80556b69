using Legacy.Store.Customers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Legacy.Store.Pages.Account;

internal sealed class LogoutModel(SessionEnd sessions) : PageModel
{
    public IActionResult OnGet() => new SeeOtherResult("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await sessions.SignOutAsync(HttpContext, cancellationToken);
        return new SeeOtherResult("/");
    }
}
