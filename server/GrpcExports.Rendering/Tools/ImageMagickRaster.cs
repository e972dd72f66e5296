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
        CancellationToken cancellationToken = default)
    {
        var expected = checked(width * height * 4);
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
                $"expected exactly {expected} bytes ({width}x{height} RGBA), read {(extra != 0 ? "more" : read.ToString(System.Globalization.CultureInfo.InvariantCulture))}", null);
        }
        var image = new RasterImage(width, height);
        image.LoadStraightRgba(bytes);
        return image;
    }
}

/// <summary>ImageMagick could not prepare <paramref name="subject"/>; the message carries what it said.</summary>
public sealed class ImageMagickFailedException(string subject, string standardError, Exception? inner)
    : InvalidOperationException($"ImageMagick failed to prepare {subject}: {standardError.Trim()}", inner)
{
    public string StandardError { get; } = standardError;
}
