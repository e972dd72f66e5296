using System.Diagnostics;

namespace GrpcExports.Tests.Support;

/// <summary>Runs an independent client program (node, buf) to completion and captures what it printed.</summary>
public static class ExternalProcess
{
    /// <summary>Hang protection only: a run taking this long is killed and reported, never a measure of speed.</summary>
    private static readonly TimeSpan DefaultHangLimit = TimeSpan.FromMinutes(3);

    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
    }

    /// <param name="hangLimit">For programs that do much work in one run (a whole PowerShell session); default 3 minutes.</param>
    public static async Task<Result> RunAsync(string fileName, IEnumerable<string> arguments, string? standardInput = null,
        string? workingDirectory = null, TimeSpan? hangLimit = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepoPaths.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }
        process.StandardInput.Close();

        var limit = hangLimit ?? DefaultHangLimit;
        using var hang = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(hang.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} hung for {limit}:\n{await stdout}\n{await stderr}");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
