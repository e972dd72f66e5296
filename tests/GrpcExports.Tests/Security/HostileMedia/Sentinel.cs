namespace GrpcExports.Tests.Security.HostileMedia;

/// <summary>
/// A file a crafted asset points at, whose access time shows whether anything read it: it is set days into the past,
/// before the file's modification time, so the first read updates it even on a relatime mount.
/// </summary>
public sealed class Sentinel
{
    private readonly DateTime _accessed;

    private Sentinel(string path, byte[] content)
    {
        Path = path;
        Content = content;
        File.WriteAllBytes(path, content);
        _accessed = DateTime.UtcNow.AddDays(-3);
        File.SetLastAccessTimeUtc(path, _accessed);
    }

    public string Path { get; }

    public byte[] Content { get; }

    public bool WasRead => File.GetLastAccessTimeUtc(Path) != _accessed;

    /// <summary>Forgets earlier reads (those a test made on purpose).</summary>
    public void ResetAccess() => File.SetLastAccessTimeUtc(Path, _accessed);

    public static Sentinel Write(string path, byte[] content) => new(path, content);

    /// <summary>A secret text file: its words must never show up in anything we produce.</summary>
    public static Sentinel Secret(string directory) =>
        Write(System.IO.Path.Combine(directory, "secret.txt"), "TOP-SECRET-7f3a9c sentinel words"u8.ToArray());
}
