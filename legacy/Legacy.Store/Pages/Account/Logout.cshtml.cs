using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Legacy.Store.Pages.Account;

internal sealed class LogoutModel : PageModel
{
    public IActionResult OnGet() => new SeeOtherResult("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync();
        return new SeeOtherResult("/");
    }
}
