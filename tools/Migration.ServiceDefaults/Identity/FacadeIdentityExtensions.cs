using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Migration.ServiceDefaults.Identity;

public static class FacadeIdentityExtensions
{
    /// <summary>
    /// Standard JWT bearer authentication of the facade's service tokens (ES256, the configured keys only, this service as
    /// audience), so endpoints use ordinary <c>RequireAuthorization</c>. A challenge answers as the monolith does: 401
    /// problem details without a bearer challenge, since users never hold these tokens themselves.
    /// </summary>
    public static WebApplicationBuilder AddFacadeIdentity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ServiceIdentityOptions>()
            .BindConfiguration(ServiceIdentityOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Keys.Count > 0, "Identity:Keys needs at least one of the facade's public keys.")
            .Validate(o => o.Keys.All(KeyLoads), "Identity:Keys:*:PublicKey must be the base64 SubjectPublicKeyInfo of a P-256 key.")
            .ValidateOnStart();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<ServiceIdentityOptions>>((jwt, identity) => Configure(jwt, identity.Value));
        builder.Services.AddAuthorization();
        return builder;
    }

    private static void Configure(JwtBearerOptions jwt, ServiceIdentityOptions identity)
    {
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = identity.Issuer,
            ValidAudience = identity.Audience,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            IssuerSigningKeys = identity.Keys.Where(KeyLoads).Select(k => new ECDsaSecurityKey(k.Load()) { KeyId = k.Id }).ToList(),
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = identity.ClockSkew,
            NameClaimType = FacadeClaims.UserId,
            RoleClaimType = FacadeClaims.Role,
        };
        jwt.Events = new JwtBearerEvents
        {
            OnChallenge = async context =>
            {
                context.HandleResponse();
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context.HttpContext });
            },
        };
    }

    private static bool KeyLoads(FacadeKey key)
    {
        try
        {
            using var _ = key.Load();
            return true;
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }
}
