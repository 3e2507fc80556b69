namespace Legacy.Store.Customers;

internal sealed class Customer
{
    public int Id { get; set; }

    /// <summary>Stored lower-case so sign-in is case-insensitive without a collation.</summary>
    public required string Email { get; set; }
    public required string FullName { get; set; }
    public required string City { get; set; }
    public required string PasswordHash { get; set; }
    public DateTime JoinedAt { get; set; }
}
