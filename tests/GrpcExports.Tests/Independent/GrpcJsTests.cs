using System.Globalization;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Independent;

/// <summary>
/// The server as @grpc/grpc-js + @grpc/proto-loader see it, with the contract loaded from protos/: unary, server
/// streaming, bidirectional and client streaming calls, an error with details, a deadline, a cancellation, gzip and
/// unknown methods. Each case is a case of tests/clients/product-client.js, which asserts and exits 0 only when every
/// assertion held.
/// </summary>
public sealed class GrpcJsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    public static TheoryData<string> Cases { get; } = new()
    {
        "unary_health",
        "unary_editor_state_round_trip",
        "server_streaming_watch",
        "bidi_reflection",
        "client_streaming_upload_refuses_non_media",
        "error_with_details",
        "deadline",
        "cancellation",
        "gzip",
        "unknown_method",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Grpc_js_case_passes(string testCase)
    {
        var result = await NodeScript.RunAsync("product-client.js",
        [
            $"--server_host={server.Address.Host}",
            $"--server_port={server.Address.Port.ToString(CultureInfo.InvariantCulture)}",
            $"--api_key={server.ApiKey}",
            $"--case={testCase}",
            $"--corpus={RepoPaths.EditorStateCorpus}",
        ]);

        Assert.True(result.ExitCode == 0, $"grpc-js case {testCase} failed against {server.Address}:\n{result}");
    }
}
