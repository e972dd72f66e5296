using System.Diagnostics;

namespace GrpcExports.Rendering.Tools;

/// <summary>
/// Runs one external program with its standard streams piped: the caller writes the input and/or reads the output as
/// streams (raw frames go through without temporary files), standard error is collected for the error message, and
/// cancellation kills the program's whole process tree. Product code runs the media tools through
/// <see cref="MediaTools.RunAsync"/>, which bounds them (<see cref="ProcessBounds"/>): a run that outlives its time is
/// killed with its process group and fails with <see cref="MediaToolTimedOutException"/>.
/// </summary>
public static class ToolProcess
{
    public static Task RunAsync(
        string program,
        IEnumerable<string> arguments,
        Func<Stream, CancellationToken, Task>? writeInput = null,
        Func<Stream, CancellationToken, Task>? readOutput = null,
        CancellationToken cancellationToken = default) =>
        RunAsync(program, arguments, bounds: null, writeInput, readOutput, cancellationToken);

    internal static async Task RunAsync(
        string program,
        IEnumerable<string> arguments,
        ProcessBounds? bounds,
        Func<Stream, CancellationToken, Task>? writeInput = null,
        Func<Stream, CancellationToken, Task>? readOutput = null,
        CancellationToken callerToken = default)
    {
        var (executable, prefix) = bounds is null ? (program, []) : ProcessGroup.Wrap(program, bounds);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in prefix.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in bounds?.Environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var timeout = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(callerToken, timeout.Token);
        var cancellationToken = linked.Token;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var groupLeader = bounds is null ? (int?)null : process.Id;
        await using var kill = cancellationToken.Register(() => KillQuietly(process, groupLeader));
        if (bounds is not null)
        {
            timeout.CancelAfter(bounds.Timeout);
        }
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var output = Task.Run(async () =>
        {
            var stream = process.StandardOutput.BaseStream;
            if (readOutput is null)
            {
                await stream.CopyToAsync(Stream.Null, cancellationToken);
            }
            else
            {
                await readOutput(stream, cancellationToken);
                await stream.CopyToAsync(Stream.Null, cancellationToken);
            }
        }, CancellationToken.None);
        try
        {
            try
            {
                var input = process.StandardInput.BaseStream;
                if (writeInput is not null)
                {
                    await writeInput(input, cancellationToken);
                    await input.FlushAsync(cancellationToken);
                }
                input.Close();
            }
            catch (IOException) when (!cancellationToken.IsCancellationRequested)
            {
                // The program closed its input early (it failed, or needs no more); its exit code and message say which.
            }
            await output;
            await process.WaitForExitAsync(CancellationToken.None);
        }
        catch
        {
            // Cancelled, timed out, or the caller's reader or writer failed: the program must not outlive the call.
            KillQuietly(process, groupLeader);
            await process.WaitForExitAsync(CancellationToken.None);
            _ = output.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            ThrowIfStopped(program, bounds, timeout.Token, callerToken);
            throw;
        }
        ThrowIfStopped(program, bounds, timeout.Token, callerToken);
        var standardError = await errors;
        if (process.ExitCode != 0)
        {
            throw new MediaToolFailedException(program, process.ExitCode, standardError);
        }
    }

    /// <summary>The caller's cancellation wins over the time bound when both happened.</summary>
    private static void ThrowIfStopped(string program, ProcessBounds? bounds, CancellationToken timeout, CancellationToken caller)
    {
        caller.ThrowIfCancellationRequested();
        if (timeout.IsCancellationRequested)
        {
            throw new MediaToolTimedOutException(program, bounds!.Timeout);
        }
    }

    private static void KillQuietly(Process process, int? groupLeader)
    {
        try
        {
            if (groupLeader is { } leader && !process.HasExited)
            {
                ProcessGroup.Kill(leader);
            }
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
