namespace Legacy.Store.Data.Seed;

/// <summary>The demo sign-ins the README lists; tests and the walkthrough rely on them verbatim.</summary>
internal static class DemoAccounts
{
    public const int CustomerCount = 200;
    public const string CustomerPassword = "Passw0rd!";
    public const string StaffEmail = "staff@example.com";
    public const string StaffPassword = "Staff-Passw0rd!";

    public static string CustomerEmail(int number) => $"customer{number}@example.com";
}
