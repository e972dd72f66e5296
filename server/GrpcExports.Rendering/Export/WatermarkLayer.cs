using System.Globalization;
using System.Text;
using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Compositing;
using GrpcExports.Rendering.Tools;

namespace GrpcExports.Rendering.Export;

/// <summary>
/// The watermark as a top layer: its natural size read by ImageMagick, prepared once at natural size times its scale
/// (output pixels), centred on its position in the output frame.
/// </summary>
public static class WatermarkLayer
{
    public static async Task<LayerCommand> PrepareAsync(Watermark watermark, ImageMagickRaster magick, MediaTools tools,
        int outputWidth, int outputHeight, CancellationToken cancellationToken)
    {
        var (naturalWidth, naturalHeight) = await NaturalSizeAsync(watermark.ImagePath, tools, cancellationToken);
        var width = Math.Max(1, (int)Math.Round(naturalWidth * watermark.Scale));
        var height = Math.Max(1, (int)Math.Round(naturalHeight * watermark.Scale));
        var image = await new ImagePreparer(magick).PrepareAsync("watermark", watermark.ImagePath, width, height,
            keepAspectRatio: false, PixelCrop.None, cancellationToken: cancellationToken);
        var centerX = watermark.PositionX * outputWidth;
        var centerY = watermark.PositionY * outputHeight;
        return new LayerCommand(new LayerDraw(new RasterSource(image), new LayerPlacement(centerX, centerY, width, height)));
    }

    private static async Task<(int Width, int Height)> NaturalSizeAsync(string path, MediaTools tools, CancellationToken cancellationToken)
    {
        var printed = new StringBuilder();
        try
        {
            await ToolProcess.RunAsync(tools.ImageMagickConvert, [Path.GetFullPath(path) + "[0]", "-format", "%w %h", "info:"],
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
