using Migration.Facade.Security;

namespace Migration.Facade.Tests.Security;

public sealed class TokenHasherTests
{
    private static readonly ControlPlaneToken[] Tokens =
    [
        new() { Name = "alice", Role = "operator", Sha256 = TokenHasher.HashHex("alpha") },
        new() { Name = "victor", Role = "viewer", Sha256 = TokenHasher.HashHex("victor-token").ToUpperInvariant() },
    ];

    [Fact]
    public void Hash_is_lower_case_sha256_hex()
    {
        // sha256("abc"), the FIPS 180-2 test vector.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TokenHasher.HashHex("abc"));
    }

    [Theory]
    [InlineData("alpha", "alice")]
    [InlineData("victor-token", "victor")]
    public void A_configured_token_matches_its_entry_whatever_the_hex_case(string presented, string name)
    {
        Assert.Equal(name, TokenHasher.Match(presented, Tokens)?.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("alph")]
    [InlineData("alpha ")]
    [InlineData("ALPHA")]
    public void Anything_else_matches_nothing(string presented)
    {
        Assert.Null(TokenHasher.Match(presented, Tokens));
    }

    [Fact]
    public void A_malformed_hash_entry_is_skipped()
    {
        ControlPlaneToken[] tokens = [new() { Name = "broken", Role = "operator", Sha256 = "not-hex" }, .. Tokens];
        Assert.Equal("alice", TokenHasher.Match("alpha", tokens)?.Name);
    }

    [Theory]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", true)]
    [InlineData("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", true)]
    [InlineData("ba7816bf", false)]
    [InlineData("za7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", false)]
    [InlineData(null, false)]
    public void Sha256_hex_is_64_hex_digits(string? value, bool expected)
    {
        Assert.Equal(expected, TokenHasher.IsSha256Hex(value));
    }
}
