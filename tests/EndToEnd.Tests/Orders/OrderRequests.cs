using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EndToEnd.Tests.Orders;

/// <summary>An answer of the order API: its status and JSON body (an order, a list, or problem details).</summary>
internal sealed record OrderAnswer(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)
{
    public int Id => Body.GetProperty("id").GetInt32();
    public decimal Total => Body.GetProperty("total").GetDecimal();
}

/// <summary>The order API as a browser's script calls it through the facade.</summary>
internal static class OrderRequests
{
    public static async Task<OrderAnswer> PlaceOrderAsync(this HttpClient client, params (int ProductId, int Quantity)[] lines) =>
        await AnswerAsync(await client.PostAsJsonAsync("/api/orders", new { lines = lines.Select(l => new { productId = l.ProductId, quantity = l.Quantity }) }));

    public static async Task<OrderAnswer> CancelOrderAsync(this HttpClient client, int id) =>
        await AnswerAsync(await client.PostAsync($"/api/orders/{id}/cancel", null));

    public static async Task<OrderAnswer> GetOrderAsync(this HttpClient client, int id) => await AnswerAsync(await client.GetAsync($"/api/orders/{id}"));

    public static async Task<OrderAnswer> MyOrdersAsync(this HttpClient client, int pageSize = 100) =>
        await AnswerAsync(await client.GetAsync($"/api/customers/me/orders?pageSize={pageSize}"));

    private static async Task<OrderAnswer> AnswerAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new(response.StatusCode, body, response);
    }

    /// <summary>A service token as the facade would sign it, for tokens a client forges or replays.</summary>
    public static string Token(ECDsa key, string keyId, int userId, string audience = "orders", TimeSpan? lifetime = null, DateTime? now = null)
    {
        var at = now ?? DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "strangler-facade",
            Audience = audience,
            IssuedAt = at,
            NotBefore = at,
            Expires = at + (lifetime ?? TimeSpan.FromMinutes(5)),
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = keyId }, SecurityAlgorithms.EcdsaSha256),
            Claims = new Dictionary<string, object> { ["sub"] = userId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["sid"] = "forged", ["role"] = new[] { "customer" } },
        });
    }
}
