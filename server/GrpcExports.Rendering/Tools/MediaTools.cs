using System.Collections.Concurrent;

namespace GrpcExports.Rendering.Tools;

/// <summary>
/// Finds ffmpeg, ffprobe and ImageMagick at the absolute paths Debian installs them to, once, and turns a missing one
/// into a <see cref="MissingMediaToolException"/> that names the package to install.
/// </summary>
/// <remarks>
/// The search deliberately does not walk <c>PATH</c>: ImageMagick's <c>convert</c> is an ambiguous name (ImageMagick 7's
/// <c>magick</c>, GraphicsMagick, or a wrapper script earlier on <c>PATH</c> that changes transparent pixels), and a
/// renderer must know exactly which program writes its pixels. ImageMagick is resolved by its versioned Debian name
/// (<c>convert-im6.q16</c>) first. A host that installs the tools elsewhere passes their paths in explicitly.
/// </remarks>
public sealed class MediaTools
{
    private static readonly IReadOnlyDictionary<MediaTool, (string[] Candidates, string Package)> Known =
        new Dictionary<MediaTool, (string[], string)>
        {
            [MediaTool.Ffmpeg] = (["/usr/bin/ffmpeg"], "ffmpeg"),
            [MediaTool.Ffprobe] = (["/usr/bin/ffprobe"], "ffmpeg"),
            [MediaTool.ImageMagickConvert] = (["/usr/bin/convert-im6.q16", "/usr/bin/convert-im6.q16hdri", "/usr/bin/convert-im6"], "imagemagick"),
            [MediaTool.ImageMagickMontage] = (["/usr/bin/montage-im6.q16", "/usr/bin/montage-im6.q16hdri", "/usr/bin/montage-im6"], "imagemagick"),
            [MediaTool.ImageMagickIdentify] = (["/usr/bin/identify-im6.q16", "/usr/bin/identify-im6.q16hdri", "/usr/bin/identify-im6"], "imagemagick"),
        };

    private readonly IReadOnlyDictionary<MediaTool, string> _overrides;
    private readonly ConcurrentDictionary<MediaTool, string> _resolved = new();

    /// <param name="overrides">Absolute paths to use instead of the Debian locations, by tool.</param>
    public MediaTools(IReadOnlyDictionary<MediaTool, string>? overrides = null)
    {
        _overrides = overrides ?? new Dictionary<MediaTool, string>();
    }

    /// <summary>The tools at their Debian locations.</summary>
    public static MediaTools Default { get; } = new();

    public string Ffmpeg => PathOf(MediaTool.Ffmpeg);

    public string Ffprobe => PathOf(MediaTool.Ffprobe);

    public string ImageMagickConvert => PathOf(MediaTool.ImageMagickConvert);

    public string ImageMagickMontage => PathOf(MediaTool.ImageMagickMontage);

    public string ImageMagickIdentify => PathOf(MediaTool.ImageMagickIdentify);

    public string PathOf(MediaTool tool) => _resolved.GetOrAdd(tool, Resolve);

    internal static string DisplayName(MediaTool tool) => tool switch
    {
        MediaTool.Ffmpeg => "ffmpeg",
        MediaTool.Ffprobe => "ffprobe",
        MediaTool.ImageMagickConvert => "ImageMagick (convert)",
        MediaTool.ImageMagickMontage => "ImageMagick (montage)",
        MediaTool.ImageMagickIdentify => "ImageMagick (identify)",
        _ => tool.ToString(),
    };

    private string Resolve(MediaTool tool)
    {
        var (candidates, package) = Known[tool];
        string[] searched = _overrides.TryGetValue(tool, out var configured) ? [configured] : candidates;
        return searched.FirstOrDefault(File.Exists) ?? throw new MissingMediaToolException(tool, searched, package);
    }
}
