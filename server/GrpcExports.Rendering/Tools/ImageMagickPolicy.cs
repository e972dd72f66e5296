using System.Globalization;
using System.Collections.Concurrent;

namespace GrpcExports.Rendering.Tools;

/// <summary>
/// The ImageMagick security policy our processes load (through <c>MAGICK_CONFIGURE_PATH</c>): every coder refused but
/// the pictures we accept and what rendering needs (SVG through ImageMagick's own renderer, text captions, raw RGBA
/// out, <c>info:</c>), no delegate programs (which also rules out URL, PS/PDF/EPS/XPS readers), no <c>@file</c>
/// indirection, and the resource limits of <see cref="ToolLimits"/>.
/// </summary>
/// <remarks>
/// MVG stays readable because ImageMagick's SVG renderer draws through it; every picture we read names its coder
/// (<c>png:</c>, <c>msvg:</c>...), so no file is ever sniffed into MVG, MSL or TEXT.
/// </remarks>
internal static class ImageMagickPolicy
{
    private static readonly string[] Coders =
    [
        "PNG", "PNG8", "PNG24", "PNG32", "PNG48", "PNG64", "JPEG", "JPG", "WEBP", "GIF",
        "SVG", "MSVG", "MVG", "CAPTION", "LABEL", "RGBA", "RGB", "INFO",
    ];

    private static readonly ConcurrentDictionary<string, Lazy<string>> Directories = new(StringComparer.Ordinal);

    /// <summary>
    /// The directory holding the policy for <paramref name="limits"/>: created once per process and policy with an
    /// unpredictable name and owner-only access (so no other user can plant a policy there first), removed at exit.
    /// </summary>
    public static string DirectoryFor(ToolLimits limits) =>
        Directories.GetOrAdd(Xml(limits), xml => new Lazy<string>(() => Write(xml))).Value;

    private static string Write(string xml)
    {
        var directory = Directory.CreateTempSubdirectory("grpcexports-magick-").FullName;
        File.WriteAllText(Path.Combine(directory, "policy.xml"), xml);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(directory, recursive: true);
        return directory;
    }

    internal static string Xml(ToolLimits limits)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(limits.Timeout.TotalSeconds));
        return string.Create(CultureInfo.InvariantCulture, $$"""
            <?xml version="1.0" encoding="UTF-8"?>
            <policymap>
              <policy domain="resource" name="memory" value="{{limits.ImageMagickMemoryBytes}}B"/>
              <policy domain="resource" name="map" value="{{limits.ImageMagickMapBytes}}B"/>
              <policy domain="resource" name="disk" value="{{limits.ImageMagickDiskBytes}}B"/>
              <policy domain="resource" name="area" value="{{limits.ImageMagickAreaPixels}}"/>
              <policy domain="resource" name="width" value="{{limits.ImageMagickMaxSide}}"/>
              <policy domain="resource" name="height" value="{{limits.ImageMagickMaxSide}}"/>
              <policy domain="resource" name="list-length" value="{{limits.ImageMagickMaxFrames}}"/>
              <policy domain="resource" name="time" value="{{seconds}}"/>
              <policy domain="delegate" rights="none" pattern="*"/>
              <policy domain="filter" rights="none" pattern="*"/>
              <policy domain="path" rights="none" pattern="@*"/>
              <policy domain="coder" rights="none" pattern="*"/>
              <policy domain="coder" rights="read|write" pattern="{{{string.Join(',', Coders)}}}"/>
            </policymap>
            """);
    }
}
