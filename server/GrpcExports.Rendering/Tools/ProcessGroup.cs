using System.Runtime.InteropServices;

namespace GrpcExports.Rendering.Tools;

/// <summary>
/// Starts a tool as the leader of a new process group (<c>setsid</c>) under an address-space limit (<c>prlimit --as</c>),
/// both from util-linux and both exec'ing in place, so the tool keeps the process id we started and anything it forks
/// (an ImageMagick delegate, an ffmpeg helper) stays in its group and dies with it.
/// </summary>
internal static partial class ProcessGroup
{
    private const string Setsid = "/usr/bin/setsid";
    private const string Prlimit = "/usr/bin/prlimit";
    private const int SigKill = 9;

    /// <summary>The program to start and the arguments that come before the tool's own.</summary>
    public static (string Program, IReadOnlyList<string> Prefix) Wrap(string program, ProcessBounds bounds)
    {
        foreach (var wrapper in (string[])[Setsid, Prlimit])
        {
            if (!File.Exists(wrapper))
            {
                throw new InvalidOperationException(
                    $"{wrapper} is not installed; it bounds the media tools' processes. Install the Debian package 'util-linux'.");
            }
        }
        return (Setsid, [Prlimit, $"--as={bounds.MemoryBytes}", "--core=0", "--", program]);
    }

    /// <summary>Kills every process of the group <paramref name="leader"/> leads; quietly when it is gone.</summary>
    public static void Kill(int leader) => _ = kill(-leader, SigKill);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
