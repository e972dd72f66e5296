using GrpcExports.Rendering.Compositing;

namespace GrpcExports.Rendering.Tools;

/// <summary>
/// Runs ImageMagick's <c>convert</c> with arguments that end in a picture of a known size, reads exactly
/// <c>W*H*4</c> bytes of straight RGBA from its pipe (<c>-depth 8 rgba:-</c>) and premultiplies them into a
/// <see cref="RasterImage"/>. <see cref="Runs"/> counts the processes started (caching is asserted through it).
/// </summary>
public sealed class ImageMagickRaster(MediaTools tools)
{
    private int _runs;

    public int Runs => Volatile.Read(ref _runs);

    /// <param name="arguments">Everything before the output (inputs and operators); must yield one width x height image.</param>
    /// <param name="subject">What is being prepared, for error messages (<c>asset 'logo'</c>, <c>text item 't1'</c>).</param>
    public async Task<RasterImage> RunAsync(IReadOnlyList<string> arguments, int width, int height, string subject,
        CancellationToken cancellationToken = default) =>
        (await RunFramesAsync(arguments, width, height, 1, subject, cancellationToken))[0];

    /// <summary>Like <see cref="RunAsync"/> for arguments that yield <paramref name="frameCount"/> images of one size
    /// (the frames of an animation), which ImageMagick writes one after the other.</summary>
    public async Task<RasterImage[]> RunFramesAsync(IReadOnlyList<string> arguments, int width, int height, int frameCount,
        string subject, CancellationToken cancellationToken = default)
    {
        var frameBytes = checked(width * height * 4);
        var expected = checked(frameBytes * frameCount);
        var bytes = GC.AllocateUninitializedArray<byte>(expected);
        var read = 0;
        var extra = 0;
        Interlocked.Increment(ref _runs);
        try
        {
            await tools.RunAsync(MediaTool.ImageMagickConvert, [.. arguments, "-depth", "8", "rgba:-"],
                readOutput: async (output, token) =>
                {
                    read = await output.ReadAtLeastAsync(bytes, expected, throwOnEndOfStream: false, token);
                    extra = await output.ReadAsync(new byte[1], token);
                },
                cancellationToken: cancellationToken);
        }
        catch (MediaToolFailedException failed)
        {
            throw new ImageMagickFailedException(subject, failed.StandardError, failed);
        }
        if (read != expected || extra != 0)
        {
            throw new ImageMagickFailedException(subject,
                $"expected exactly {expected} bytes ({frameCount} x {width}x{height} RGBA), read {(extra != 0 ? "more" : read.ToString(System.Globalization.CultureInfo.InvariantCulture))}", null);
        }
        var frames = new RasterImage[frameCount];
        for (var i = 0; i < frameCount; i++)
        {
            frames[i] = new RasterImage(width, height);
            frames[i].LoadStraightRgba(bytes.AsSpan(i * frameBytes, frameBytes));
        }
        return frames;
    }

    /// <summary>Runs a program of ImageMagick that prints text (<paramref name="tool"/>: <c>convert ... info:</c> or
    /// <c>identify -format</c>) and returns what it printed.</summary>
    public async Task<string> ReadTextAsync(MediaTool tool, IReadOnlyList<string> arguments, string subject,
        CancellationToken cancellationToken = default)
    {
        using var output = new MemoryStream();
        Interlocked.Increment(ref _runs);
        try
        {
            await tools.RunAsync(tool, arguments, readOutput: (stdout, token) => stdout.CopyToAsync(output, token),
                cancellationToken: cancellationToken);
        }
        catch (MediaToolFailedException failed)
        {
            throw new ImageMagickFailedException(subject, failed.StandardError, failed);
        }
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }
}

/// <summary>ImageMagick could not prepare <paramref name="subject"/>; the message carries what it said.</summary>
public sealed class ImageMagickFailedException(string subject, string standardError, Exception? inner)
    : InvalidOperationException($"ImageMagick failed to prepare {subject}: {standardError.Trim()}", inner)
{
    public string StandardError { get; } = standardError;
}
