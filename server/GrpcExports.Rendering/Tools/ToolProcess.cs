using System.Diagnostics;

namespace GrpcExports.Rendering.Tools;

/// <summary>
/// Runs one external program with its standard streams piped: the caller writes the input and/or reads the output as
/// streams (raw frames go through without temporary files), standard error is collected for the error message, and
/// cancellation kills the program's whole process tree.
/// </summary>
public static class ToolProcess
{
    public static async Task RunAsync(
        string program,
        IEnumerable<string> arguments,
        Func<Stream, CancellationToken, Task>? writeInput = null,
        Func<Stream, CancellationToken, Task>? readOutput = null,
        CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        await using var kill = cancellationToken.Register(() => KillQuietly(process));
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
            // Cancelled, or the caller's reader or writer failed: the program must not outlive the call.
            KillQuietly(process);
            await process.WaitForExitAsync(CancellationToken.None);
            _ = output.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }
        cancellationToken.ThrowIfCancellationRequested();
        var standardError = await errors;
        if (process.ExitCode != 0)
        {
            throw new MediaToolFailedException(program, process.ExitCode, standardError);
        }
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
