namespace GrpcExports.Rendering.Export;

/// <summary>The pixel size of an export from the composition's size and the options (see <see cref="ExportOptions"/>).</summary>
public static class OutputSize
{
    public static (int Width, int Height) Of(int compositionWidth, int compositionHeight, ExportOptions options)
    {
        // The smallest box of the requested ratio that holds the composition, or the custom size.
        double width = options.CustomSize?.Width ?? compositionWidth;
        double height = options.CustomSize?.Height ?? compositionHeight;
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
                $"gives {outputWidth}x{outputHeight}, longer than {ExportOptions.MaxSide} pixels on a side");
        }
        return (outputWidth, outputHeight);
    }

    /// <summary>The nearest whole number, rounded up to even (yuv420p halves both sides for colour).</summary>
    private static int Even(double value)
    {
        var whole = Math.Max(1, (int)Math.Round(value, MidpointRounding.AwayFromZero));
        return whole % 2 == 0 ? whole : whole + 1;
    }
}
