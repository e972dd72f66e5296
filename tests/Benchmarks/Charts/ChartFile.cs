using GrpcExports.Rendering.Tools;

namespace Benchmarks.Charts;

/// <summary>Writes a chart as a PNG: its SVG rendered by ImageMagick (the renderer's own convert, DejaVu Sans for text).</summary>
public static class ChartFile
{
    /// <summary>The option every command that draws a chart takes, for its help.</summary>
    public const string OptionHelp = "  --chart FILE.png    also draw the summary as a PNG chart (default: none)";

    /// <summary>Writes the chart when <c>--chart</c> named a file, and says where.</summary>
    public static async Task WriteIfAskedAsync(string? path, Func<BarChart> chart, TextWriter output, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            return;
        }
        await WritePngAsync(chart(), path, cancellationToken);
        output.WriteLine($"Chart: {Path.GetFullPath(path)}");
    }

    public static async Task WritePngAsync(BarChart chart, string path, CancellationToken cancellationToken)
    {
        var svg = Path.Combine(Path.GetTempPath(), $"chart-{Guid.NewGuid():N}.svg");
        await File.WriteAllTextAsync(svg, chart.ToSvg(), cancellationToken);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await ToolProcess.RunAsync(MediaTools.Default.ImageMagickConvert, ["-density", "96", "svg:" + svg, "png:" + path],
                cancellationToken: cancellationToken);
        }
        finally
        {
            File.Delete(svg);
        }
    }
}
