using Legacy.Store.Customers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Legacy.Store.Pages.Account;

internal sealed class LoginModel(SignInService signIn) : PageModel
{
    public string? Email { get; private set; }
    public string ReturnUrl { get; private set; } = "/";
    public string? Error { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = LocalOrHome(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl, CancellationToken cancellationToken)
    {
        Email = email;
        ReturnUrl = LocalOrHome(returnUrl);
        var principal = string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password)
            ? null
            : await signIn.AuthenticateAsync(email, password, cancellationToken);
        if (principal is null)
        {
            Error = "The email or password is not right.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await HttpContext.SignInAsync(principal);
        return new SeeOtherResult(ReturnUrl);
    }

    // Only local addresses: an open redirect would let anyone bounce our users to a look-alike site.
    private string LocalOrHome(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
