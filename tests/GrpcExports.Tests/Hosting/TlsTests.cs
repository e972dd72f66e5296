using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Health.V1;
using GrpcExports.Client;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Hosting;

/// <summary>
/// The server configured with an https endpoint and a certificate, as the README shows: HTTP/2 is negotiated by
/// ALPN, and clients that trust the certificate call it while those that do not are refused.
/// </summary>
public sealed class TlsTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("grpcexports-tls-").FullName;
    private X509Certificate2 _certificate = null!;
    private RunningServer _server = null!;

    public async Task InitializeAsync()
    {
        _certificate = CreateSelfSignedCertificate();
        var path = Path.Combine(_directory, "server.pfx");
        await File.WriteAllBytesAsync(path, _certificate.Export(X509ContentType.Pkcs12, "test-password"));
        _server = await RunningServer.StartAsync(
            "--Kestrel:Endpoints:Grpc:Url=https://127.0.0.1:0",
            $"--Kestrel:Endpoints:Grpc:Certificate:Path={path}",
            "--Kestrel:Endpoints:Grpc:Certificate:Password=test-password");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _certificate.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Serves_a_client_that_trusts_the_certificate()
    {
        var options = new GrpcConnectionOptions(_server.Address)
        {
            ServerCertificateValidation = (_, certificate, _, _) => certificate?.GetCertHashString() == _certificate.GetCertHashString(),
        };
        using var connection = new GrpcConnection(options);

        var response = await new HealthClient(connection).CheckAsync(string.Empty);

        Assert.Equal("https", _server.Address.Scheme);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Refuses_a_client_that_does_not_trust_the_certificate()
    {
        using var connection = new GrpcConnection(new GrpcConnectionOptions(_server.Address) { RetryPolicy = RetryPolicy.None });

        var error = await Assert.ThrowsAsync<RpcException>(() => new HealthClient(connection).CheckAsync(string.Empty));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task Serves_buf_curl_over_alpn()
    {
        var result = await ExternalProcess.RunAsync(RepoPaths.Buf,
            ["curl", "--protocol", "grpc", "--insecure", "--list-services", _server.Address.ToString()]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("grpcexports.v1.ProjectService", result.StandardOutput);
    }

    private static X509Certificate2 CreateSelfSignedCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=grpcexports test", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }
}
