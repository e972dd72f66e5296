namespace GrpcExports.Tests.Interop;

/// <summary>
/// The official gRPC interop test cases (grpc/grpc doc/interop-test-descriptions.md) that a server can be judged by,
/// run by an independent client (@grpc/grpc-js) against tests/InteropHost on our layer. Each case asserts what the
/// spec asserts; the client exits 0 only when every assertion held.
/// </summary>
public sealed class InteropTests(InteropHostFixture host) : IClassFixture<InteropHostFixture>
{
    public static TheoryData<string> Cases { get; } = new()
    {
        "empty_unary",
        "large_unary",
        "client_streaming",
        "server_streaming",
        "ping_pong",
        "empty_stream",
        "custom_metadata",
        "status_code_and_message",
        "special_status_message",
        "unimplemented_method",
        "unimplemented_service",
        "cancel_after_begin",
        "cancel_after_first_response",
        "timeout_on_sleeping_server",
        "client_compressed_unary",
        "client_compressed_streaming",
        "server_compressed_unary",
        "server_compressed_streaming",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Official_interop_case_passes_with_grpc_js(string testCase)
    {
        var result = await NodeInteropClient.RunAsync(host.Host, host.Port, testCase);

        Assert.True(result.ExitCode == 0,
            $"interop case {testCase} failed against the interop host on port {host.Port}:\n{result}\n--- interop host output ---\n{host.Output}");
    }
}
