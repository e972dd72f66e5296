using System.Text.Json;
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
    private readonly Lazy<IReadOnlyDictionary<string, string>> _imageMagickEnvironment;

    /// <param name="overrides">Absolute paths to use instead of the Debian locations, by tool.</param>
    /// <param name="limits">The bounds every run gets; <see cref="ToolLimits"/>' defaults when null.</param>
    public MediaTools(IReadOnlyDictionary<MediaTool, string>? overrides = null, ToolLimits? limits = null)
    {
        _overrides = overrides ?? new Dictionary<MediaTool, string>();
        Limits = limits ?? new ToolLimits();
        _imageMagickEnvironment = new(() => new Dictionary<string, string>
        {
            ["MAGICK_CONFIGURE_PATH"] = ImageMagickPolicy.DirectoryFor(Limits),
        });
    }

    /// <summary>The tools at their Debian locations, with the default limits.</summary>
    public static MediaTools Default { get; } = new();

    public ToolLimits Limits { get; }

    public string Ffmpeg => PathOf(MediaTool.Ffmpeg);

    public string Ffprobe => PathOf(MediaTool.Ffprobe);

    public string ImageMagickConvert => PathOf(MediaTool.ImageMagickConvert);

    public string ImageMagickMontage => PathOf(MediaTool.ImageMagickMontage);

    public string ImageMagickIdentify => PathOf(MediaTool.ImageMagickIdentify);

    public string PathOf(MediaTool tool) => _resolved.GetOrAdd(tool, Resolve);

    /// <summary>
    /// Runs <paramref name="tool"/> like <see cref="ToolProcess.RunAsync(string, IEnumerable{string}, Func{Stream, CancellationToken, Task}?, Func{Stream, CancellationToken, Task}?, CancellationToken)"/>,
    /// bounded by <see cref="Limits"/>: in time for <paramref name="mediaSeconds"/> of media, in memory, and ImageMagick under
    /// our policy.
    /// </summary>
    public Task RunAsync(MediaTool tool, IEnumerable<string> arguments, double mediaSeconds = 0,
        Func<Stream, CancellationToken, Task>? writeInput = null, Func<Stream, CancellationToken, Task>? readOutput = null,
        CancellationToken cancellationToken = default)
    {
        var environment = tool is MediaTool.Ffmpeg or MediaTool.Ffprobe ? new Dictionary<string, string>() : _imageMagickEnvironment.Value;
        var bounds = new ProcessBounds(Limits.TimeoutFor(mediaSeconds), Limits.MemoryBytes, environment);
        return ToolProcess.RunAsync(PathOf(tool), arguments, bounds, writeInput, readOutput, cancellationToken);
    }

    /// <summary>
    /// Runs ffprobe with <paramref name="selection"/> (which streams and entries) on a media file, opened as only an
    /// accepted media file may be, and parses the JSON it prints. <see cref="MediaToolFailedException"/> when it cannot
    /// read the file.
    /// </summary>
    public async Task<JsonDocument> ProbeJsonAsync(IEnumerable<string> selection, string filePath, CancellationToken cancellationToken)
    {
        var json = "";
        await RunAsync(MediaTool.Ffprobe, ["-v", "error", .. selection, "-of", "json", .. FfmpegInput.MediaFileOptions, FfmpegInput.Url(filePath)],
            readOutput: async (output, token) =>
            {
                using var reader = new StreamReader(output, leaveOpen: true);
                json = await reader.ReadToEndAsync(token).ConfigureAwait(false);
            },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return JsonDocument.Parse(json);
    }

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
