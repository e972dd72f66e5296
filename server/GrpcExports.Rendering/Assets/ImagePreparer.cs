using System.Globalization;
using GrpcExports.Rendering.Compositing;
using GrpcExports.Rendering.Tools;

namespace GrpcExports.Rendering.Assets;

/// <summary>
/// Decodes a still (PNG, JPEG, WebP, GIF or SVG, by its first bytes; the first frame of an animation) to
/// premultiplied RGBA at the size it is drawn: the crop trims the source first, then the picture is stretched to the
/// box, or with <c>keepAspectRatio</c> fitted inside it and centred between transparent bars.
/// </summary>
public sealed class ImagePreparer(ImageMagickRaster magick)
{
    /// <param name="vectorSize">For a vector picture (SVG), its natural size: it is then rendered at the density that
    /// gives at least the drawn size, sharp instead of upscaled (crop values stay in natural pixels).</param>
    public Task<RasterImage> PrepareAsync(string assetId, string path, int width, int height, bool keepAspectRatio,
        PixelCrop crop, (double Width, double Height)? vectorSize = null, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new AssetUnavailableException(assetId, $"file {path} does not exist");
        }
        // -background none before the input keeps SVG transparent; "[0]" takes the first frame only.
        var arguments = new List<string> { "-background", "none" };
        var density = VectorDensity(vectorSize, width, height, crop);
        if (density > 1)
        {
            arguments.AddRange(["-density", (72 * density).ToString("0.###", CultureInfo.InvariantCulture)]);
            crop = new PixelCrop(Scaled(crop.Left), Scaled(crop.Top), Scaled(crop.Right), Scaled(crop.Bottom));
        }
        var (coder, refusal) = PictureCoder.Of(path);
        if (refusal is not null)
        {
            throw new AssetUnavailableException(assetId, refusal);
        }
        arguments.AddRange([$"{coder}:{Path.GetFullPath(path)}[0]", "-auto-orient", "-alpha", "set"]);
        arguments.AddRange(FitOperations(width, height, keepAspectRatio, crop));
        return magick.RunAsync(arguments, width, height, $"asset '{assetId}' ({Path.GetFileName(path)})", cancellationToken);

        int Scaled(int value) => (int)Math.Round(value * density);
    }

    /// <summary>
    /// The operators that trim <paramref name="crop"/> from every frame read so far and fit it to
    /// <paramref name="width"/> x <paramref name="height"/> (stretched, or with <paramref name="keepAspectRatio"/> centred
    /// between transparent bars).
    /// </summary>
    internal static List<string> FitOperations(int width, int height, bool keepAspectRatio, PixelCrop crop)
    {
        var size = string.Create(CultureInfo.InvariantCulture, $"{width}x{height}");
        var operations = new List<string>();
        if (!crop.IsNone)
        {
            // -chop removes columns from the left and rows from the top; the right and bottom are chopped half a
            // turn round (lossless), because ImageMagick 6 rejects a zero side with any other gravity.
            operations.AddRange(["-gravity", "NorthWest"]);
            if (crop.Left > 0 || crop.Top > 0)
            {
                operations.AddRange(["-chop", Geometry(crop.Left, crop.Top)]);
            }
            if (crop.Right > 0 || crop.Bottom > 0)
            {
                operations.AddRange(["-rotate", "180", "-chop", Geometry(crop.Right, crop.Bottom), "-rotate", "180"]);
            }
            operations.AddRange(["+gravity", "+repage"]);
        }
        operations.AddRange(keepAspectRatio
            ? ["-resize", size, "-gravity", "center", "-extent", size, "+gravity", "+repage"]
            : ["-resize", size + "!"]);
        return operations;
    }

    /// <summary>How much larger than natural size a vector picture must be rendered to cover the drawn size (1 for rasters).</summary>
    private static double VectorDensity((double Width, double Height)? natural, int width, int height, PixelCrop crop)
    {
        if (natural is not { } size)
        {
            return 1;
        }
        var (naturalWidth, naturalHeight) = size;
        var shownWidth = naturalWidth - crop.Left - crop.Right;
        var shownHeight = naturalHeight - crop.Top - crop.Bottom;
        return shownWidth <= 0 || shownHeight <= 0 ? 1 : Math.Min(64, Math.Max(width / shownWidth, height / shownHeight));
    }

    private static string Geometry(int x, int y) => string.Create(CultureInfo.InvariantCulture, $"{x}x{y}");
}
