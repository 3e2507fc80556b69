using Microsoft.Extensions.Options;
using Migration.ServiceDefaults.Identity;
using Orders.Service.Tests.Infrastructure;

namespace Orders.Service.Tests.Hosting;

/// <summary>A service that cannot check the facade's tokens must not start (it would refuse every user, or worse).</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Without_the_facades_keys_the_host_does_not_start_and_says_Keys()
    {
        await using var service = await OrdersServiceFactory.StartAsync(withKeys: false);

        var failure = StartFailure(service);

        Assert.Equal(typeof(ServiceIdentityOptions), failure.OptionsType);
        Assert.Contains("Keys", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_that_is_not_a_P256_public_key_names_its_setting()
    {
        await using var service = await OrdersServiceFactory.StartAsync();
        // The private half by mistake: the commonest slip when copying the facade's key pair.
        service.Settings["Identity:Keys:0:PublicKey"] = service.Key.PrivateKey;

        var failure = StartFailure(service);

        Assert.Contains("Identity:Keys:0:PublicKey is not the base64 SubjectPublicKeyInfo of an EC public key.", failure.Failures);
    }

    private static OptionsValidationException StartFailure(OrdersServiceFactory service)
    {
        var thrown = Record.Exception(() => service.CreateClient());
        Assert.NotNull(thrown);
        // The host may wrap it (an aggregate of hosted services' failures); the validation failure is what names the setting.
        for (var e = thrown; e is not null; e = e.InnerException ?? (e as AggregateException)?.InnerExceptions.FirstOrDefault())
        {
            if (e is OptionsValidationException validation)
            {
                return validation;
            }
        }
        throw new Xunit.Sdk.XunitException($"Expected an OptionsValidationException, got: {thrown}");
    }
}
