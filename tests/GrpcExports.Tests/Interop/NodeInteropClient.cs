using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Interop;

/// <summary>tests/clients/interop-client.js (@grpc/grpc-js), one official interop test case per run.</summary>
public static class NodeInteropClient
{
    public static Task<ExternalProcess.Result> RunAsync(string host, int port, string testCase) =>
        NodeScript.RunAsync("interop-client.js", [$"--server_host={host}", $"--server_port={port}", $"--test_case={testCase}"]);
}
