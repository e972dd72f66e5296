using System.Diagnostics;

namespace GrpcExports.Server.Database.Embedded;

/// <summary>What a finished command printed and how it exited.</summary>
internal sealed record CommandResult(int ExitCode, string Output, string Error)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Standard error, or standard output when the command wrote nothing there; trimmed.</summary>
    public string Diagnostics => (string.IsNullOrWhiteSpace(Error) ? Output : Error).Trim();
}

/// <summary>Runs one PostgreSQL program (initdb, pg_ctl, chown) to completion and captures what it printed.</summary>
internal static class ClusterCommand
{
    public static async Task<CommandResult> RunAsync(ProcessStartInfo startInfo, CancellationToken cancellationToken)
    {
        startInfo.RedirectStandardInput = true;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.UseShellExecute = false;
        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new EmbeddedClusterException($"{startInfo.FileName} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new EmbeddedClusterException($"{startInfo.FileName} could not be started: {e.Message}", e);
        }
        using (process)
        {
            // Nothing is ever typed in: a program that asks (a password prompt) sees end of input instead of waiting.
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                KillQuietly(process);
                throw;
            }
            return new CommandResult(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
        }
    }

    /// <summary>Describes a command line for messages: the program and its arguments.</summary>
    public static string Describe(ProcessStartInfo startInfo) =>
        string.Join(' ', [startInfo.FileName, .. startInfo.ArgumentList]);

    private static void KillQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has already exited.
        }
    }
}
