using GrpcExports.Client;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Layer;
using GrpcExports.Tests.Layer.Probe;

namespace GrpcExports.Tests.Client;

/// <summary>The .NET client retries UNAVAILABLE with backoff, but only for calls that are safe to repeat.</summary>
public sealed class RetryTests(ProbeServerFixture server) : IClassFixture<ProbeServerFixture>
{
    private static readonly RetryPolicy QuickRetries = RetryPolicy.Default with
    {
        MaxAttempts = 4,
        InitialBackoff = TimeSpan.FromMilliseconds(10),
        MaxBackoff = TimeSpan.FromMilliseconds(50),
    };

    [Fact]
    public async Task Retries_an_idempotent_call_until_it_succeeds()
    {
        using var connection = new GrpcConnection(new GrpcConnectionOptions(server.Address) { RetryPolicy = QuickRetries });

        var reply = await connection.UnaryAsync(ProbeMethods.FlakyIdempotent, new FlakyRequest { Tag = Guid.NewGuid().ToString(), Failures = 2 });

        Assert.Equal(3, reply.Attempts);
    }

    [Fact]
    public async Task Gives_up_after_the_policy_s_attempts()
    {
        using var connection = new GrpcConnection(new GrpcConnectionOptions(server.Address) { RetryPolicy = QuickRetries });
        var tag = Guid.NewGuid().ToString();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            connection.UnaryAsync(ProbeMethods.FlakyIdempotent, new FlakyRequest { Tag = tag, Failures = 10 }));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(QuickRetries.MaxAttempts, server.Ledger.AttemptsOf(tag));
    }

    [Fact]
    public async Task Never_repeats_a_call_that_is_not_idempotent()
    {
        using var connection = new GrpcConnection(new GrpcConnectionOptions(server.Address) { RetryPolicy = QuickRetries });
        var tag = Guid.NewGuid().ToString();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            connection.UnaryAsync(ProbeMethods.FlakyNotIdempotent, new FlakyRequest { Tag = tag, Failures = 1 }));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(1, server.Ledger.AttemptsOf(tag));
    }

    [Fact]
    public async Task Reports_a_server_that_is_not_there_as_unavailable()
    {
        var unused = System.Net.Sockets.TcpListener.Create(0);
        unused.Start();
        var port = ((System.Net.IPEndPoint)unused.LocalEndpoint).Port;
        unused.Stop();
        using var connection = new GrpcConnection(new GrpcConnectionOptions(new Uri($"http://127.0.0.1:{port}")) { RetryPolicy = QuickRetries });

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            connection.UnaryAsync(ProbeMethods.FlakyIdempotent, new FlakyRequest { Tag = "nobody" }));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }
}
