using GrpcExports.Rendering.Tools;

namespace GrpcExports.Tests.Rendering;

/// <summary>Source pictures for image-layer tests, drawn by the real ImageMagick into a test's directory.</summary>
public static class TestImages
{
    /// <summary>A 40x20 PNG: red left half, blue right half, the top-left 5x5 corner fully transparent.</summary>
    public static Task RedBluePngAsync(string path) => ConvertAsync(
        "-size", "20x20", "xc:#ff0000", "-size", "20x20", "xc:#0000ff", "+append", "-alpha", "set",
        "(", "-size", "5x5", "xc:none", ")", "-geometry", "+0+0", "-compose", "Copy", "-composite", "png32:" + path);

    /// <summary>A 40x20 JPEG of the same red and blue halves (no transparency).</summary>
    public static Task RedBlueJpegAsync(string path) => ConvertAsync(
        "-size", "20x20", "xc:#ff0000", "-size", "20x20", "xc:#0000ff", "+append", "-quality", "95", "jpg:" + path);

    /// <summary>A 100x100 PNG in four 50x50 quadrants: red, green / blue, yellow.</summary>
    public static Task QuadrantsPngAsync(string path) => ConvertAsync(
        "(", "-size", "50x50", "xc:#ff0000", "-size", "50x50", "xc:#00ff00", "+append", ")",
        "(", "-size", "50x50", "xc:#0000ff", "-size", "50x50", "xc:#ffff00", "+append", ")",
        "-append", "png32:" + path);

    /// <summary>A 100x100 SVG: a green circle of radius 40 in the middle, nothing else (transparent).</summary>
    public static Task CircleSvgAsync(string path) => File.WriteAllTextAsync(path,
        """<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><circle cx="50" cy="50" r="40" fill="#00ff00"/></svg>""");

    /// <summary>An 8x6 gif of three frames: red for 10, green for 20 and blue for 30 hundredths of a second (0.6 s in all).</summary>
    public static Task RedGreenBlueGifAsync(string path) => ConvertAsync(
        "-size", "8x6", "-delay", "10", "xc:#ff0000", "-delay", "20", "xc:#00ff00", "-delay", "30", "xc:#0000ff", "-loop", "0", "gif:" + path);

    private static Task ConvertAsync(params string[] arguments) =>
        ToolProcess.RunAsync(MediaTools.Default.ImageMagickConvert, arguments);
}
