using Google.Protobuf.WellKnownTypes;
using GrpcExports.Protocol.V1;
using GrpcExports.Rendering.Tools;
using GrpcExports.Server.Assets.MediaTypes;

namespace GrpcExports.Server.Assets.Probing;

/// <summary>
/// Decides what an uploaded file really is and measures it. ffprobe names the container and its streams for every
/// file; that must be the claimed media type's (else MEDIA_TYPE_MISMATCH with what it is). Audio and video are then
/// demuxed to the end, so that a file cut short fails (MEDIA_UNREADABLE) even when its index at the start looks whole;
/// pictures are decoded by ImageMagick's identify with the claimed coder. Anything the tools cannot read is
/// MEDIA_UNREADABLE.
/// </summary>
internal sealed class MediaProber(MediaTools tools)
{
    public async Task<ProbedMedia> ProbeAsync(string path, string fileName, AcceptedMediaType claimed, CancellationToken cancellationToken)
    {
        FfprobeReport report;
        try
        {
            report = await FfprobeReport.ReadAsync(tools, path, cancellationToken).ConfigureAwait(false);
        }
        catch (MediaToolFailedException failed)
        {
            throw AssetErrors.Unreadable(fileName, claimed.MediaType, Cause(failed, path, fileName));
        }
        var detected = Detect(report, claimed, fileName);
        if (detected != claimed)
        {
            throw AssetErrors.TypeMismatch(claimed.MediaType, detected.MediaType);
        }
        try
        {
            return claimed.IsPicture
                ? Picture(claimed, await IdentifyReport.ReadAsync(tools, claimed.MagickFormat!, path, cancellationToken).ConfigureAwait(false))
                : await AudioVisualAsync(claimed, report, path, cancellationToken).ConfigureAwait(false);
        }
        catch (MediaToolFailedException failed)
        {
            throw AssetErrors.Unreadable(fileName, claimed.MediaType, Cause(failed, path, fileName));
        }
    }

    /// <summary>The accepted type the content is: the claimed one when ffprobe's findings fit it, else another that fits.</summary>
    private static AcceptedMediaType Detect(FfprobeReport report, AcceptedMediaType claimed, string fileName)
    {
        var candidates = MediaTypeCatalog.ByFfprobeFormat(report.FormatName).Where(type => Fits(type, report)).ToList();
        if (candidates.Count == 0)
        {
            throw AssetErrors.Unreadable(fileName, claimed.MediaType, report.Video is null && report.Audio is null
                ? $"it holds no audio or video stream (format '{report.FormatName}')"
                : $"its format '{report.FormatName}' is not one UploadAsset accepts");
        }
        return candidates.Contains(claimed) ? claimed : candidates[0];
    }

    private static bool Fits(AcceptedMediaType type, FfprobeReport report) => type.Kind switch
    {
        AssetKind.Video => report.Video is not null,
        AssetKind.Audio => report.Video is null && report.Audio is not null,
        _ => true,
    };

    private async Task<ProbedMedia> AudioVisualAsync(AcceptedMediaType type, FfprobeReport report, string path, CancellationToken cancellationToken)
    {
        // Reading every packet without decoding costs about a second per 300 MB and catches truncated files.
        await tools.RunAsync(MediaTool.Ffmpeg, ["-v", "error", "-xerror", .. FfmpegInput.MediaFile(path), "-map", "0", "-c", "copy", "-f", "null", "-"],
            report.DurationSeconds ?? 0, cancellationToken: cancellationToken).ConfigureAwait(false);
        var (video, audio) = (report.Video, report.Audio);
        var seconds = report.DurationSeconds ?? video?.DurationSeconds ?? audio?.DurationSeconds ?? 0;
        return new ProbedMedia(type, type.Kind, new MediaInfo
        {
            FormatName = report.FormatName,
            Duration = Duration.FromTimeSpan(TimeSpan.FromSeconds(seconds)),
            Width = video?.Width ?? 0,
            Height = video?.Height ?? 0,
            FrameRate = video?.FrameRate ?? 0,
            FrameCount = video?.FrameCount ?? 0,
            VideoCodec = video?.Codec ?? "",
            AudioCodec = audio?.Codec ?? "",
            HasVideo = video is not null,
            HasAudio = audio is not null,
            AudioSampleRate = audio?.SampleRate ?? 0,
            AudioChannels = audio?.Channels ?? 0,
        });
    }

    /// <summary>A GIF of more than one frame is an animation (kind GIF); one frame is a still like any other picture.</summary>
    private static ProbedMedia Picture(AcceptedMediaType type, IdentifyReport picture)
    {
        var animated = picture.FrameCount > 1;
        return new ProbedMedia(type, type.Kind == AssetKind.Gif && !animated ? AssetKind.Image : type.Kind, new MediaInfo
        {
            FormatName = picture.Format.ToLowerInvariant(),
            Width = picture.Width,
            Height = picture.Height,
            HasVideo = false,
            Duration = animated ? Duration.FromTimeSpan(TimeSpan.FromSeconds(picture.DurationSeconds)) : null,
            FrameCount = animated ? picture.FrameCount : 0,
            FrameRate = animated && picture.DurationSeconds > 0 ? picture.FrameCount / picture.DurationSeconds : 0,
        });
    }

    /// <summary>The tool's last words, which name the problem ("moov atom not found"), with the file's own name for our path.</summary>
    private static string Cause(MediaToolFailedException failed, string path, string fileName) =>
        failed.StandardErrorTail(3) is { Length: > 0 } tail
            ? tail.Replace(path, fileName, StringComparison.Ordinal).Replace('\n', ' ')
            : $"the prober exited with code {failed.ExitCode}";
}
