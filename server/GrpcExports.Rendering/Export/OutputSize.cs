namespace GrpcExports.Rendering.Export;

/// <summary>The pixel size of an export from the composition's size and the options (see <see cref="ExportOptions"/>).</summary>
public static class OutputSize
{
    public static (int Width, int Height) Of(int compositionWidth, int compositionHeight, ExportOptions options)
    {
        // The smallest box of the requested ratio that holds the composition.
        double width = compositionWidth;
        double height = compositionHeight;
        if (options.Ratio is { } ratio)
        {
            if (ratio.Value > width / height)
            {
                width = height * ratio.Value;
            }
            else
            {
                height = width / ratio.Value;
            }
        }
        var factor = options.Resolution is { } preset ? (int)preset / Math.Min(width, height) : options.Scale;
        var (outputWidth, outputHeight) = (Even(width * factor), Even(height * factor));
        if (Math.Max(outputWidth, outputHeight) > ExportOptions.MaxSide)
        {
            throw new ExportOptionsException(options.Resolution is null ? "scale" : "resolution",
                $"gives {outputWidth}x{outputHeight}, larger than {ExportOptions.MaxSide} pixels on a side");
        }
        return (outputWidth, outputHeight);
    }

    /// <summary>The nearest even whole number, at least 2 (yuv420p halves both sides for colour).</summary>
    private static int Even(double value) => Math.Max(2, 2 * (int)Math.Round(value / 2, MidpointRounding.AwayFromZero));
}
