namespace Legacy.Store.Customers;

/// <summary>Back-office user; may change prices, never places orders.</summary>
internal sealed class StaffMember
{
    public int Id { get; set; }
    public required string Email { get; set; }
    public required string FullName { get; set; }
    public required string PasswordHash { get; set; }
}
