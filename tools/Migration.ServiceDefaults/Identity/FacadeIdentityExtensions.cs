using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
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
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ServiceIdentityOptions>>(new KeysValidator());
        builder.Services.AddProblemDetails();
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
            // Checked at start-up (KeysValidator), so every key loads here.
            IssuerSigningKeys = identity.Keys
                .Select(k => new ECDsaSecurityKey(FacadeKeys.TryLoad(k.PublicKey, isPrivate: false, out _)!) { KeyId = k.Id }).ToList(),
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

    // Data annotations stop at the list; each key is checked here, naming its setting.
    private static List<string> Problems(ServiceIdentityOptions options)
    {
        var problems = new List<string>();
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            if (!System.Text.RegularExpressions.Regex.IsMatch(key.Id, FacadeKeys.IdPattern))
            {
                problems.Add($"Identity:Keys:{i}:Id must match {FacadeKeys.IdPattern}.");
            }
            using var loaded = FacadeKeys.TryLoad(key.PublicKey, isPrivate: false, out var problem);
            if (problem is not null)
            {
                problems.Add($"Identity:Keys:{i}:PublicKey {problem}.");
            }
        }
        return problems;
    }

    private sealed class KeysValidator : IValidateOptions<ServiceIdentityOptions>
    {
        public ValidateOptionsResult Validate(string? name, ServiceIdentityOptions options) =>
            Problems(options) is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
