using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Interop;

/// <summary>tests/clients/interop-client.js (@grpc/grpc-js), one official interop test case per run.</summary>
public static class NodeInteropClient
{
    public static string Script => Path.Combine(RepoPaths.Clients, "interop-client.js");

    public static async Task<ExternalProcess.Result> RunAsync(string host, int port, string testCase)
    {
        RequireNode();
        return await ExternalProcess.RunAsync("node",
            [Script, $"--server_host={host}", $"--server_port={port}", $"--test_case={testCase}"]);
    }

    /// <summary>A missing node or missing test clients fail the test: these cases are never skipped.</summary>
    private static void RequireNode()
    {
        var pathDirectories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator);
        if (!pathDirectories.Any(directory => File.Exists(Path.Combine(directory, "node"))))
        {
            throw new InvalidOperationException("node is not on PATH: install Node.js (./build.sh test installs it) to run the interop cases.");
        }
        foreach (var package in new[] { "@grpc/grpc-js", "@grpc/proto-loader" })
        {
            var directory = Path.Combine(RepoPaths.Clients, "node_modules", package);
            if (!Directory.Exists(directory))
            {
                throw new InvalidOperationException($"{directory} is missing: run `npm ci` in tests/clients (./build.sh test does).");
            }
        }
    }
}
