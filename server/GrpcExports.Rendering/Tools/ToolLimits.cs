namespace GrpcExports.Rendering.Tools;

/// <summary>
/// The bounds every ffmpeg, ffprobe and ImageMagick process runs under: a wall-clock time that grows with the media it
/// works on, an address-space limit (<c>prlimit --as</c>), and ImageMagick's own resource limits, written into the
/// policy its processes load. Bound from the server's "MediaTools" configuration section.
/// </summary>
public sealed record ToolLimits
{
    /// <summary>Time any run gets, whatever its size. Default 2 minutes.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Time added per second of media the run reads or writes (probing a video, encoding an export). Default 30 s.</summary>
    public TimeSpan TimeoutPerMediaSecond { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Address space of one process, in bytes. Default 8 GiB (a 4K encode with its threads stays well below).</summary>
    public long MemoryBytes { get; init; } = 8L << 30;

    /// <summary>ImageMagick's pixel-cache memory before it spills to disk, in bytes. Default 256 MiB.</summary>
    public long ImageMagickMemoryBytes { get; init; } = 256L << 20;

    /// <summary>ImageMagick's memory-mapped pixel cache, in bytes. Default 512 MiB.</summary>
    public long ImageMagickMapBytes { get; init; } = 512L << 20;

    /// <summary>ImageMagick's disk pixel cache, in bytes; a picture needing more is refused. Default 1 GiB.</summary>
    public long ImageMagickDiskBytes { get; init; } = 1L << 30;

    /// <summary>Widest and tallest picture ImageMagick reads or makes, in pixels. Default 16384 (an 8K composition at 2x).</summary>
    public int ImageMagickMaxSide { get; init; } = 16384;

    /// <summary>Pixels ImageMagick holds in memory for one picture before using the disk cache. Default 128 million.</summary>
    public long ImageMagickAreaPixels { get; init; } = 128_000_000;

    /// <summary>Frames ImageMagick reads from one file (an animated GIF). Default 5000.</summary>
    public int ImageMagickMaxFrames { get; init; } = 5000;

    /// <summary>The time one run of a tool may take when it works on <paramref name="mediaSeconds"/> of media.</summary>
    public TimeSpan TimeoutFor(double mediaSeconds) =>
        Timeout + TimeoutPerMediaSecond * Math.Max(0, double.IsFinite(mediaSeconds) ? mediaSeconds : 0);
}
