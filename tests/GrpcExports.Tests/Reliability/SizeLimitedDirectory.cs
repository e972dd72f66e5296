using System.Diagnostics;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Reliability;

/// <summary>
/// A directory on a file system of its own with a few megabytes of room: a tmpfs mount, or where tmpfs cannot be
/// mounted, a loop-mounted ext4 image. Both need root (CI runs as root); <see cref="Unavailable"/> says why neither
/// works here. Unmounted and deleted on dispose.
/// </summary>
internal sealed class SizeLimitedDirectory : IDisposable
{
    private static readonly Lazy<string?> WhyUnavailable = new(Probe);

    private readonly TemporaryDirectory _directory;

    private SizeLimitedDirectory(TemporaryDirectory directory, string kind)
    {
        _directory = directory;
        Kind = kind;
    }

    /// <summary>Why no size-limited directory can be made on this machine; null when one can.</summary>
    public static string? Unavailable => WhyUnavailable.Value;

    /// <summary>The mount point.</summary>
    public string Path => System.IO.Path.Combine(_directory.Path, "mount");

    /// <summary>"tmpfs" or "ext4 on a loop device".</summary>
    public string Kind { get; }

    /// <summary>The bytes still free on the mount.</summary>
    public long FreeBytes => new DriveInfo(Path).AvailableFreeSpace;

    public static SizeLimitedDirectory Create(int megabytes)
    {
        var directory = new TemporaryDirectory();
        var mount = Directory.CreateDirectory(System.IO.Path.Combine(directory.Path, "mount")).FullName;
        if (Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", mount) is null)
        {
            return new SizeLimitedDirectory(directory, "tmpfs");
        }
        var image = System.IO.Path.Combine(directory.Path, "disk.img");
        var failure = Run("truncate", "-s", $"{megabytes}M", image) ?? Run("mkfs.ext4", "-q", "-m", "0", image) ?? Run("mount", "-o", "loop", image, mount);
        if (failure is null)
        {
            return new SizeLimitedDirectory(directory, "ext4 on a loop device");
        }
        directory.Dispose();
        throw new InvalidOperationException($"Neither a tmpfs nor a loop-mounted ext4 image could be mounted: {failure}");
    }

    /// <summary>Detaches the mount lazily, so a process still holding a file there cannot keep the directory from being deleted.</summary>
    public void Dispose()
    {
        Run("umount", "--lazy", Path);
        _directory.Dispose();
    }

    /// <summary>Mounts and unmounts a tiny one to learn whether this machine allows it.</summary>
    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
        {
            return "mounting a size-limited file system needs root on Linux (CI runs as root)";
        }
        try
        {
            using var probe = Create(1);
            return null;
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
    }

    /// <summary>Runs a command; null when it succeeded, else what it printed.</summary>
    private static string? Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        try
        {
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            var printed = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? null : $"{program} exited with {process.ExitCode}: {printed}{errors.Result}".Trim();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"{program} could not start: {e.Message}";
        }
    }
}

/// <summary>A fact that is skipped, saying why, where no size-limited directory can be mounted.</summary>
internal sealed class SizeLimitedDirectoryFactAttribute : FactAttribute
{
    public SizeLimitedDirectoryFactAttribute()
    {
        if (SizeLimitedDirectory.Unavailable is { } reason)
        {
            Skip = $"Skipped: {reason}.";
        }
    }
}
