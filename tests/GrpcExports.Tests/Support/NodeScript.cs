namespace GrpcExports.Tests.Support;

/// <summary>
/// Runs a Node.js script of tests/clients (the grpc-js clients) to completion. A missing node or missing test
/// clients fail the test with what to install: these clients are never skipped.
/// </summary>
public static class NodeScript
{
    /// <summary>The packages every grpc-js client script loads.</summary>
    private static readonly string[] RequiredPackages = ["@grpc/grpc-js", "@grpc/proto-loader"];

    /// <summary>Runs tests/clients/<paramref name="script"/> with <paramref name="arguments"/>.</summary>
    public static Task<ExternalProcess.Result> RunAsync(string script, IEnumerable<string> arguments)
    {
        RequireNode();
        return ExternalProcess.RunAsync("node", [Path.Combine(RepoPaths.Clients, script), .. arguments]);
    }

    private static void RequireNode()
    {
        var pathDirectories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator);
        if (!pathDirectories.Any(directory => File.Exists(Path.Combine(directory, "node"))))
        {
            throw new InvalidOperationException("node is not on PATH: install Node.js (./build.sh test installs it) to run the grpc-js clients.");
        }
        foreach (var package in RequiredPackages)
        {
            var directory = Path.Combine(RepoPaths.Clients, "node_modules", package);
            if (!Directory.Exists(directory))
            {
                throw new InvalidOperationException($"{directory} is missing: run `npm ci` in tests/clients (./build.sh test does).");
            }
        }
    }
}
