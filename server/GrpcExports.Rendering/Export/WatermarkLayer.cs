using System.Globalization;
using System.Text;
using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Compositing;
using GrpcExports.Rendering.Frames;
using GrpcExports.Rendering.Tools;

namespace GrpcExports.Rendering.Export;

/// <summary>
/// The watermark as a top layer: its natural size read by ImageMagick, prepared once at natural size times its scale
/// times the output's scale of the composition, centred on its position in the output frame.
/// </summary>
public static class WatermarkLayer
{
    public static async Task<LayerCommand> PrepareAsync(Watermark watermark, ImageMagickRaster magick, MediaTools tools,
        Viewport viewport, CancellationToken cancellationToken)
    {
        var (naturalWidth, naturalHeight) = await NaturalSizeAsync(watermark.ImagePath, tools, cancellationToken);
        var width = Math.Max(1, (int)Math.Round(naturalWidth * watermark.Scale * viewport.Scale));
        var height = Math.Max(1, (int)Math.Round(naturalHeight * watermark.Scale * viewport.Scale));
        var image = await new ImagePreparer(magick).PrepareAsync("watermark", watermark.ImagePath, width, height,
            keepAspectRatio: false, PixelCrop.None, cancellationToken: cancellationToken);
        var centerX = watermark.PositionX * viewport.OutputWidth;
        var centerY = watermark.PositionY * viewport.OutputHeight;
        return new LayerCommand(new LayerDraw(new RasterSource(image), new LayerPlacement(centerX, centerY, width, height), watermark.Opacity));
    }

    private static async Task<(int Width, int Height)> NaturalSizeAsync(string path, MediaTools tools, CancellationToken cancellationToken)
    {
        var printed = new StringBuilder();
        var (coder, refusal) = PictureCoder.Of(path);
        if (refusal is not null)
        {
            throw new ExportOptionsException("watermark.image", $"'{path}': {refusal}");
        }
        try
        {
            await tools.RunAsync(MediaTool.ImageMagickConvert, [$"{coder}:{Path.GetFullPath(path)}[0]", "-format", "%w %h", "info:"],
                readOutput: async (output, token) => printed.Append(await new StreamReader(output).ReadToEndAsync(token)),
                cancellationToken: cancellationToken);
        }
        catch (MediaToolFailedException failed)
        {
            throw new ExportOptionsException("watermark.image", $"'{path}' is not an image ImageMagick can read: {failed.StandardErrorTail(3)}");
        }
        var parts = printed.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var width)
            || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var height))
        {
            throw new ExportOptionsException("watermark.image", $"'{path}': ImageMagick printed no size ('{printed}')");
        }
        return (width, height);
    }
}
