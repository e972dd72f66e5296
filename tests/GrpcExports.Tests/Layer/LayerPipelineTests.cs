using GrpcExports.Client;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Layer.Probe;
using Microsoft.Extensions.Logging;

namespace GrpcExports.Tests.Layer;

/// <summary>What runs around every call: interceptors and the one log line per call.</summary>
public sealed class LayerPipelineTests(ProbeServerFixture server) : IClassFixture<ProbeServerFixture>, IDisposable
{
    private readonly GrpcConnection _connection = new(new GrpcConnectionOptions(server.Address) { RetryPolicy = RetryPolicy.None });

    public void Dispose() => _connection.Dispose();

    [Fact]
    public async Task An_interceptor_can_turn_a_call_away_before_the_handler_runs()
    {
        var tag = Guid.NewGuid().ToString();
        var options = new CallOptions { Headers = new Metadata().Add(DenyingInterceptor.HeaderName, "1") };

        var error = await Assert.ThrowsAsync<RpcException>(() => _connection.UnaryAsync(ProbeMethods.Hang, new HangRequest { Tag = tag }, options));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.False(server.Ledger.WhenStarted(tag).IsCompleted);
    }

    [Fact]
    public async Task An_interceptor_runs_around_the_handler_and_can_add_trailers()
    {
        var result = await _connection.UnaryWithMetadataAsync(ProbeMethods.Echo, new EchoMessage());

        Assert.Equal("/grpcexports.testing.ProbeService/Echo", result.Trailers.GetValue("x-probe-intercepted"));
    }

    [Fact]
    public async Task Logs_one_line_per_call_with_method_status_and_duration()
    {
        var marker = $"/grpcexports.testing.ProbeService/Echo";
        var before = CallLines(marker).Count;

        await Assert.ThrowsAsync<RpcException>(() => _connection.UnaryAsync(ProbeMethods.Echo,
            new EchoMessage { FailCode = (int)StatusCode.OutOfRange, FailMessage = "x" }));

        var added = CallLines(marker).Skip(before).ToList();
        var line = Assert.Single(added);
        Assert.Matches(@"gRPC /grpcexports\.testing\.ProbeService/Echo OutOfRange in \d+\.\d ms", line.Message);
    }

    [Fact]
    public async Task Logs_a_handler_failure_with_its_exception_at_error_level()
    {
        await Assert.ThrowsAsync<RpcException>(() => _connection.UnaryAsync(ProbeMethods.Crash, new EchoMessage()));

        Assert.Contains(server.Log.Lines, line => line.Level == LogLevel.Error
            && line.Message.Contains("/grpcexports.testing.ProbeService/Crash") && line.Message.Contains(ProbeService.CrashText));
    }

    private List<(string Category, LogLevel Level, string Message)> CallLines(string method) =>
        server.Log.Lines.Where(line => line.Category.EndsWith("CallLog", StringComparison.Ordinal) && line.Message.Contains(method)).ToList();
}
