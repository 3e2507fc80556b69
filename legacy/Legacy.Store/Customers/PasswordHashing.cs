using Microsoft.AspNetCore.Identity;

namespace Legacy.Store.Customers;

/// <summary>ASP.NET Core Identity's PBKDF2 hasher, without the rest of Identity.</summary>
internal sealed class PasswordHashing
{
    private static readonly object Subject = new();
    private readonly PasswordHasher<object> _hasher = new();

    public string Hash(string password) => _hasher.HashPassword(Subject, password);

    public bool Verify(string hash, string password) =>
        _hasher.VerifyHashedPassword(Subject, hash, password) != PasswordVerificationResult.Failed;
}
