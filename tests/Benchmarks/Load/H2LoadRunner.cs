using System.ComponentModel;
using System.Diagnostics;

namespace Benchmarks.Load;

/// <summary>Runs h2load as a child process and reads its summary and request log.</summary>
public static class H2LoadRunner
{
    /// <summary>h2load's version line, or null when it cannot be started.</summary>
    public static async Task<string?> VersionAsync(string h2loadPath, CancellationToken cancellationToken)
    {
        try
        {
            var (exitCode, output, _) = await RunProcessAsync(h2loadPath, ["--version"], cancellationToken);
            return exitCode == 0 ? output.Trim() : null;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }

    public static Task<H2LoadResult> RunTimedAsync(H2LoadRun run, int durationSeconds, int warmupSeconds,
        CancellationToken cancellationToken) =>
        RunAsync(run, logFile => run.TimedArguments(durationSeconds, warmupSeconds, logFile), cancellationToken);

    public static Task<H2LoadResult> RunCountedAsync(H2LoadRun run, int requests, CancellationToken cancellationToken) =>
        RunAsync(run, logFile => run.CountedArguments(requests, logFile), cancellationToken);

    private static async Task<H2LoadResult> RunAsync(H2LoadRun run, Func<string, IReadOnlyList<string>> arguments,
        CancellationToken cancellationToken)
    {
        var logFile = Path.GetTempFileName();
        try
        {
            var (exitCode, output, error) = await RunProcessAsync(run.H2LoadPath, arguments(logFile), cancellationToken);
            if (exitCode != 0)
            {
                throw new H2LoadException($"h2load exited with {exitCode}: {error.Trim()} {output.Trim()}");
            }
            H2LoadSummary summary;
            try
            {
                summary = H2LoadSummary.Parse(output);
            }
            catch (FormatException e)
            {
                throw new H2LoadException($"{e.Message}{Environment.NewLine}{output}");
            }
            return new H2LoadResult(summary, RequestLog.Read(logFile));
        }
        finally
        {
            File.Delete(logFile);
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunProcessAsync(string fileName,
        IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new H2LoadException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }
        return (process.ExitCode, await output, await error);
    }
}

/// <summary>h2load could not run or its output could not be read.</summary>
public sealed class H2LoadException(string message) : Exception(message);
