using System.Globalization;
using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Tools;

namespace GrpcExports.Rendering.Gifs;

/// <summary>
/// Decodes every frame of a gif once, with ImageMagick: <c>identify</c> reads the frame delays, then <c>convert
/// -coalesce</c> turns each frame into the full picture shown at that moment (gif frames are often patches over the
/// previous one) and crops and fits them like a still (<see cref="ImagePreparer.FitOperations"/>).
/// </summary>
public sealed class GifDecoder(ImageMagickRaster magick)
{
    /// <summary>
    /// Browsers show a frame whose delay is under 2 hundredths of a second for 10 hundredths (old gifs rely on it to
    /// mean "as fast as sensible"), and the editor previews in a browser.
    /// </summary>
    private const int ShortestDelayHundredths = 2;

    private const int BrowserDelayHundredths = 10;

    /// <summary>
    /// All frames are held decoded at their drawn size, so a long gif drawn large is refused rather than allowed to
    /// exhaust memory (5,000 frames at 1080p would be 40 GB).
    /// </summary>
    public const long MaxDecodedBytes = 1L << 30;

    public async Task<GifAnimation> DecodeAsync(string assetId, string path, int width, int height, bool keepAspectRatio,
        PixelCrop crop, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new AssetUnavailableException(assetId, $"file {path} does not exist");
        }
        var input = "gif:" + Path.GetFullPath(path);
        var subject = $"gif asset '{assetId}' ({Path.GetFileName(path)})";
        var delays = await ReadDelaysAsync(input, subject, cancellationToken);
        if ((long)delays.Count * width * height * 4 > MaxDecodedBytes)
        {
            throw new AssetUnavailableException(assetId,
                $"has {delays.Count} frames, which at {width}x{height} would take more than {MaxDecodedBytes >> 20} MiB decoded; draw it smaller or shorten it");
        }
        var arguments = new List<string> { "-background", "none", input, "-coalesce", "-alpha", "set" };
        arguments.AddRange(ImagePreparer.FitOperations(width, height, keepAspectRatio, crop));
        var frames = await magick.RunFramesAsync(arguments, width, height, delays.Count, subject, cancellationToken);
        return new GifAnimation(frames, delays);
    }

    /// <summary>Each frame's delay in seconds, in frame order (<c>%T</c> is in hundredths of a second).</summary>
    private async Task<IReadOnlyList<double>> ReadDelaysAsync(string input, string subject, CancellationToken cancellationToken)
    {
        var text = await magick.ReadTextAsync(MediaTool.ImageMagickIdentify, ["-format", "%T\n", input], subject, cancellationToken);
        var delays = new List<double>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(line, NumberStyles.Integer, CultureInfo.InvariantCulture, out var hundredths))
            {
                throw new ImageMagickFailedException(subject, $"identify printed '{line}' for a frame delay", null);
            }
            delays.Add((hundredths < ShortestDelayHundredths ? BrowserDelayHundredths : hundredths) / 100.0);
        }
        return delays.Count > 0 ? delays : throw new ImageMagickFailedException(subject, "identify found no frame", null);
    }
}
