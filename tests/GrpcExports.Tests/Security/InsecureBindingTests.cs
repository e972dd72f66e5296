using GrpcExports.Server.Hosting;
using Microsoft.Extensions.Options;

namespace GrpcExports.Tests.Security;

/// <summary>A server that would take API keys in clear text from the network does not start unless told to.</summary>
public sealed class InsecureBindingTests
{
    [Theory]
    [InlineData("--Kestrel:Endpoints:Grpc:Url=http://0.0.0.0:5000")]
    [InlineData("--Kestrel:Endpoints:Grpc:Url=http://*:5000")]
    [InlineData("--Kestrel:Endpoints:Grpc:Url=http://[::]:5000")]
    [InlineData("--Kestrel:Endpoints:Grpc:Url=http://192.0.2.10:5000")]
    [InlineData("--urls=http://+:5000")]
    public void Cleartext_off_loopback_is_refused_with_the_setting_that_allows_it(string endpoint)
    {
        var error = Assert.Throws<OptionsValidationException>(() => ServerApplication.Build([endpoint, "--Database:ConnectionString=Host=unused"]));

        Assert.Contains("Security:AllowInsecureNonLoopback=true", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:5000")]
    [InlineData("--Kestrel:Endpoints:Grpc:Url=http://localhost:5000")]
    [InlineData("--Kestrel:Endpoints:Grpc:Url=http://[::1]:5000")]
    [InlineData("--Kestrel:Endpoints:Grpc:Url=https://0.0.0.0:5001")]
    public async Task Loopback_and_TLS_endpoints_build(string endpoint)
    {
        await using var app = ServerApplication.Build([endpoint, "--Database:ConnectionString=Host=unused"]);
    }

    [Fact]
    public async Task The_switch_lets_cleartext_off_loopback_build()
    {
        await using var app = ServerApplication.Build(
            ["--Kestrel:Endpoints:Grpc:Url=http://0.0.0.0:5000", "--Security:AllowInsecureNonLoopback=true", "--Database:ConnectionString=Host=unused"]);
    }
}
