using System.Text;
using Migration.Facade.Shadow;

namespace Migration.Facade.Tests.Shadow;

/// <summary>Samples are shown to viewers: no secret may reach them, whatever shape the difference takes.</summary>
public sealed class RedactionTests
{
    [Fact]
    public void A_whole_differing_object_is_shown_with_its_secret_fields_masked()
    {
        var shown = Redaction.Field("$.user", """{"name":"ann","password":"hunter2","keys":[{"apiKey":"k1","id":3}]}""");

        Assert.Equal("""{"name":"ann","password":"***","keys":[{"apiKey":"***","id":3}]}""", shown);
    }

    [Theory]
    [InlineData("$.tokens[0]")]
    [InlineData("$.auth.refreshToken")]
    [InlineData("$.credentials.user")]
    [InlineData("$['client_secret']")]
    public void Values_under_a_secret_looking_name_are_masked_at_any_depth(string path)
    {
        Assert.Equal(Redaction.Mask, Redaction.Field(path, "\"abc\""));
    }

    [Fact]
    public void Ordinary_fields_are_shown_and_absent_ones_stay_absent()
    {
        Assert.Equal("10.5", Redaction.Field("$.items[3].price", "10.5"));
        Assert.Null(Redaction.Field("$.password", null));
    }

    [Fact]
    public void Secret_query_parameters_are_masked_in_the_sample_path()
    {
        Assert.Equal("/api/products?page=2&access_token=***&apiKey=***",
            Redaction.PathAndQuery("/api/products", new QueryString("?page=2&access_token=abc&apiKey=xyz")));
        Assert.Equal("/api/products/7", Redaction.PathAndQuery("/api/products/7", QueryString.Empty));
    }

    [Fact]
    public void A_body_compared_byte_for_byte_masks_json_secrets_and_never_shows_unparsable_json()
    {
        Assert.Equal("""29 bytes: {"id":1,"password":"***"}""", Redaction.Body(Encoding.UTF8.GetBytes("""{"id":1,"password":"hunter2"}""")));
        Assert.Equal("24 bytes: ***", Redaction.Body(Encoding.UTF8.GetBytes("""{"id":1,"password":"hunt""")));
        Assert.Equal("8 bytes: <p>a</p>", Redaction.Body(Encoding.UTF8.GetBytes("<p>a</p>")));
    }
}
