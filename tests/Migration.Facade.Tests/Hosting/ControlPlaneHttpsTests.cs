using System.ComponentModel.DataAnnotations;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Migration.Facade.Hosting;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Hosting;

/// <summary>The control plane over https with a certificate from configuration; plain http only where tokens stay on the machine.</summary>
public sealed class ControlPlaneHttpsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
    }

    private async Task<Dictionary<string, string?>> SettingsWith(X509Certificate2 certificate, string format)
    {
        var settings = FacadeHost.Settings(_folder.File("flags.db"), "http://127.0.0.1:9", "http://127.0.0.1:9");
        if (format == "pfx")
        {
            settings["Facade:ControlPlaneCertificate:Path"] = _folder.File("control.pfx");
            settings["Facade:ControlPlaneCertificate:Password"] = "pfx-secret";
            await File.WriteAllBytesAsync(_folder.File("control.pfx"), certificate.Export(X509ContentType.Pkcs12, "pfx-secret"));
        }
        else
        {
            settings["Facade:ControlPlaneCertificate:Path"] = _folder.File("control.crt");
            settings["Facade:ControlPlaneCertificate:KeyPath"] = _folder.File("control.key");
            await File.WriteAllTextAsync(_folder.File("control.crt"), certificate.ExportCertificatePem());
            await File.WriteAllTextAsync(_folder.File("control.key"), certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        }
        return settings;
    }

    [Theory]
    [InlineData("pfx")]
    [InlineData("pem")]
    public async Task Admin_calls_go_over_tls_with_the_configured_certificate_and_plain_http_gets_nothing(string format)
    {
        using var certificate = SelfSigned();
        var settings = await SettingsWith(certificate, format);
        await using var facade = await FacadeHost.StartAsync(settings, controlPlaneScheme: "https");
        var port = facade.Operator.BaseAddress!.Port;

        // The client pins the test's certificate: the facade served exactly the one configured.
        using var tls = new HttpClient(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, served, _, _) => served?.Thumbprint == certificate.Thumbprint,
        }) { BaseAddress = new Uri($"https://127.0.0.1:{port}") };
        tls.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", FacadeHost.ViewerToken);
        using var slices = await tls.GetAsync("/admin/slices");
        Assert.Equal(System.Net.HttpStatusCode.OK, slices.StatusCode);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => facade.Viewer.GetAsync("/admin/slices"));
    }

    [Fact]
    public async Task A_certificate_that_does_not_load_stops_the_start_naming_the_setting()
    {
        using var certificate = SelfSigned();
        var settings = await SettingsWith(certificate, "pfx");
        settings["Facade:ControlPlaneCertificate:Password"] = "wrong";
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var app = FacadeHost.Build(settings, "Testing", out _, out _, controlPlaneScheme: "https");
            await app.StartAsync();
        });

        Assert.Contains("Facade:ControlPlaneCertificate could not be loaded", error.ToString());
    }

    [Fact]
    public void A_certificate_file_that_does_not_exist_is_named_at_start()
    {
        var options = new FacadeEndpointOptions
        {
            ControlPlaneUrl = "https://127.0.0.1:5001",
            ControlPlaneCertificate = new CertificateOptions { Path = _folder.File("missing.pfx") },
        };
        var errors = options.Validate(new ValidationContext(options)).ToList();
        Assert.Contains(errors, e => e.ErrorMessage!.Contains("Facade:ControlPlaneCertificate:Path names no file"));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5001", false, true)]
    [InlineData("http://localhost:5001", false, true)]
    [InlineData("http://[::1]:5001", false, true)]
    [InlineData("http://0.0.0.0:5001", false, false)]
    [InlineData("http://0.0.0.0:5001", true, true)]
    public void Plain_http_is_for_loopback_unless_explicitly_allowed(string url, bool allowed, bool valid)
    {
        var options = new FacadeEndpointOptions { ControlPlaneUrl = url, AllowPlainHttpControlPlane = allowed };
        Assert.Equal(valid, !options.Validate(new ValidationContext(options)).Any());
    }

    public void Dispose() => _folder.Dispose();
}
