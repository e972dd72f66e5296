using Google.Protobuf;
using GrpcExports.Client;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Layer.Probe;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Layer;

/// <summary>The four call kinds and their failure modes, through our .NET client, on a real Kestrel listener.</summary>
public sealed class LayerCallTests(ProbeServerFixture server) : IClassFixture<ProbeServerFixture>, IDisposable
{
    /// <summary>Hang protection only: how long a test waits for something that must happen before calling it lost.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(1);

    private readonly GrpcConnection _connection = new(new GrpcConnectionOptions(server.Address) { RetryPolicy = RetryPolicy.None });

    public void Dispose() => _connection.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5 * 1024 * 1024)]
    public async Task Echoes_empty_small_and_large_messages(int size)
    {
        var payload = ByteString.CopyFrom(Enumerable.Range(0, size).Select(i => (byte)(i * 31)).ToArray());

        var reply = await _connection.UnaryAsync(ProbeMethods.Echo, new EchoMessage { Payload = payload });

        Assert.Equal(payload, reply.Payload);
    }

    [Fact]
    public async Task Echoes_an_empty_message_under_gzip_both_ways()
    {
        var reply = await _connection.UnaryAsync(ProbeMethods.Echo, new EchoMessage(), new CallOptions { Compression = RequestCompression.Gzip });

        Assert.Equal(new EchoMessage(), reply);
    }

    [Fact]
    public async Task Echoes_a_large_gzip_compressed_message()
    {
        var payload = ByteString.CopyFrom(new byte[6 * 1024 * 1024]);

        var reply = await _connection.UnaryAsync(ProbeMethods.Echo, new EchoMessage { Payload = payload },
            new CallOptions { Compression = RequestCompression.Gzip });

        Assert.Equal(payload, reply.Payload);
    }

    [Fact]
    public async Task Streams_a_thousand_messages_in_order()
    {
        var numbers = new List<int>();
        await foreach (var counted in _connection.ServerStreaming(ProbeMethods.Count, new CountRequest { Count = 1000 }))
        {
            numbers.Add(counted.Number);
        }

        Assert.Equal(Enumerable.Range(1, 1000), numbers);
    }

    [Fact]
    public async Task Reads_a_thousand_client_streamed_messages()
    {
        using var call = _connection.ClientStreaming(ProbeMethods.Sum);
        for (var number = 1; number <= 1000; number++)
        {
            await call.RequestStream.WriteAsync(new Counted { Number = number });
        }
        await call.RequestStream.CompleteAsync();

        var reply = await call.ResponseAsync;

        Assert.Equal(1000, reply.Messages);
        Assert.Equal(500_500, reply.Sum);
    }

    [Fact]
    public async Task Answers_each_bidirectional_message_before_the_next_is_sent()
    {
        using var call = _connection.DuplexStreaming(ProbeMethods.Chat);
        await using var replies = call.ResponseStream.GetAsyncEnumerator();
        for (var i = 0; i < 50; i++)
        {
            var message = new EchoMessage { Payload = ByteString.CopyFromUtf8($"ping {i}") };
            await call.RequestStream.WriteAsync(message);
            Assert.True(await replies.MoveNextAsync());
            Assert.Equal(message, replies.Current);
        }
        await call.RequestStream.CompleteAsync();

        Assert.False(await replies.MoveNextAsync());
        Assert.Equal(StatusCode.OK, call.Status?.Code);
    }

    [Theory]
    [InlineData(StatusCode.NotFound, "plain message")]
    [InlineData(StatusCode.FailedPrecondition, "percent 100% and\nnewline, tab\t, café, 你好, 😀")]
    [InlineData(StatusCode.Aborted, "")]
    public async Task Round_trips_status_code_message_and_details(StatusCode code, string message)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _connection.UnaryAsync(ProbeMethods.Echo,
            new EchoMessage { FailCode = (int)code, FailMessage = message, FailReason = "PROBE_FAILED" }));

        Assert.Equal(code, error.StatusCode);
        Assert.Equal(message, error.Detail);
        Assert.Equal("PROBE_FAILED", error.Reason);
        Assert.Equal("yes", error.ErrorInfo!.Metadata["echo"]);
        Assert.Equal("fail_code", error.BadRequest!.FieldViolations.Single().Field);
    }

    [Fact]
    public async Task Answers_unknown_methods_and_services_unimplemented()
    {
        var unknownMethod = await Assert.ThrowsAsync<RpcException>(() =>
            _connection.UnaryAsync<EchoMessage, EchoMessage>("/grpcexports.testing.ProbeService/Nope", new EchoMessage()));
        var unknownService = await Assert.ThrowsAsync<RpcException>(() =>
            _connection.UnaryAsync<EchoMessage, EchoMessage>("/no.Such/Service", new EchoMessage()));

        Assert.Equal(StatusCode.Unimplemented, unknownMethod.StatusCode);
        Assert.Contains("Nope", unknownMethod.Detail);
        Assert.Equal(StatusCode.Unimplemented, unknownService.StatusCode);
        Assert.Contains("no.Such", unknownService.Detail);
    }

    [Fact]
    public async Task Refuses_a_request_over_the_receive_limit_with_resource_exhausted()
    {
        var tooLarge = new EchoMessage { Payload = ByteString.CopyFrom(new byte[ProbeServerFixture.MaxMessageSize + 1]) };

        var error = await Assert.ThrowsAsync<RpcException>(() => _connection.UnaryAsync(ProbeMethods.Echo, tooLarge));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Refuses_to_send_a_response_over_the_send_limit_with_resource_exhausted()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _connection.UnaryAsync(ProbeMethods.Echo,
            new EchoMessage { ResponseSize = ProbeServerFixture.MaxMessageSize + 1 }));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Ends_a_call_past_its_deadline_and_cancels_the_handler()
    {
        var tag = Guid.NewGuid().ToString();

        var error = await Assert.ThrowsAsync<RpcException>(() => _connection.UnaryAsync(ProbeMethods.Hang,
            new HangRequest { Tag = tag }, new CallOptions { Timeout = TimeSpan.FromMilliseconds(200) }));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.True(await server.Ledger.WhenEnded(tag).WaitAsync(HangGuard), "the handler's token was not cancelled");
    }

    [Fact]
    public async Task Sends_deadline_exceeded_from_the_server_when_the_client_does_not_enforce_it()
    {
        var tag = Guid.NewGuid().ToString();
        using var http = RawHttp2.CreateClient();
        using var request = RawHttp2.GrpcRequest(server.Address, "/grpcexports.testing.ProbeService/Hang", new HangRequest { Tag = tag });
        request.Headers.TryAddWithoutValidation(GrpcHeaders.Timeout, "300m");

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var (status, _) = await RawHttp2.ReadStatusAsync(response);

        Assert.Equal(StatusCode.DeadlineExceeded, status);
        Assert.True(await server.Ledger.WhenEnded(tag).WaitAsync(HangGuard), "the handler's token was not cancelled");
    }

    [Fact]
    public async Task Cancels_the_handler_when_the_client_cancels()
    {
        var tag = Guid.NewGuid().ToString();
        using var cancel = new CancellationTokenSource();

        var call = _connection.UnaryAsync(ProbeMethods.Hang, new HangRequest { Tag = tag }, cancellationToken: cancel.Token);
        await server.Ledger.WhenStarted(tag).WaitAsync(HangGuard);
        cancel.Cancel();

        var error = await Assert.ThrowsAsync<RpcException>(() => call);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        Assert.True(await server.Ledger.WhenEnded(tag).WaitAsync(HangGuard), "the handler's token was not cancelled");
    }

    [Fact]
    public async Task Hides_a_handler_exception_behind_unknown()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _connection.UnaryAsync(ProbeMethods.Crash, new EchoMessage()));

        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.DoesNotContain(ProbeService.CrashText, error.Detail);
        Assert.DoesNotContain("InvalidOperationException", error.Detail);
    }
}
