using System.Globalization;
using GrpcExports.Rendering.Encoder;
using GrpcExports.Rendering.Tools;

namespace Benchmarks.Render;

/// <summary>
/// The render benchmark's composition (issue 4): 1080p30, 10 s; two 720p clips with sound joined by a 1 s fade centred
/// on their cut at 5 s; a logo moving from x 100 to 1360 over 9 s while fading in over the first second; a watermark at
/// (0.9, 0.9) at half size. <see cref="HandWrittenArguments"/> is the ffmpeg command a user would write for the same
/// picture and sound.
/// </summary>
public sealed class ReferenceComposition(string directory)
{
    public const int Seconds = 10;
    public const int Fps = 30;
    public const int Frames = Seconds * Fps;

    public string ClipA => Path.Combine(directory, "a.mp4");

    public string ClipB => Path.Combine(directory, "b.mp4");

    public string Logo => Path.Combine(directory, "logo.png");

    public string WatermarkImage => Path.Combine(directory, "watermark.png");

    public string MediaDirectory => directory;

    /// <summary>Makes the media: 6-second clips (the outgoing one plays half a second past its cut), a logo, a watermark.</summary>
    public async Task CreateMediaAsync(MediaTools tools, CancellationToken cancellationToken)
    {
        await ClipAsync(ClipA, 440);
        await ClipAsync(ClipB, 660);
        await ToolProcess.RunAsync(tools.ImageMagickConvert, ["-size", "200x200", "plasma:red-yellow", "png32:" + Logo], cancellationToken: cancellationToken);
        await ToolProcess.RunAsync(tools.ImageMagickConvert,
            ["-size", "240x80", "xc:none", "-fill", "#ffffffc0", "-draw", "roundrectangle 0,0 239,79 16,16", "png32:" + WatermarkImage],
            cancellationToken: cancellationToken);

        Task ClipAsync(string path, int tone) => ToolProcess.RunAsync(tools.Ffmpeg,
            ["-hide_banner", "-loglevel", "error", "-y",
             "-f", "lavfi", "-i", "testsrc2=s=1280x720:r=30:d=6", "-f", "lavfi", "-i", $"sine=frequency={tone}:sample_rate=48000:duration=6",
             "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", path],
            cancellationToken: cancellationToken);
    }

    /// <summary>The editor state (ticks at 240,000 per second).</summary>
    public static string EditorStateJson => """
        {
          "compositionWidth": 1920, "compositionHeight": 1080, "timebaseTicksPerSecond": 240000,
          "globalBackground": {"type": "color", "color": "#000000", "gradient": null},
          "tracks": [
            {"id": "logo-track", "hidden": false, "muted": false, "items": ["logo"]},
            {"id": "clips", "hidden": false, "muted": false, "items": ["clip-a", "clip-b"]}
          ],
          "assets": {
            "a": {"id": "a", "type": "video", "filename": "a.mp4", "size": 1, "remoteUrl": null, "remoteKey": "a.mp4", "mimeType": "video/mp4", "width": 1280, "height": 720, "durationInSeconds": 6, "hasAudioTrack": true},
            "b": {"id": "b", "type": "video", "filename": "b.mp4", "size": 1, "remoteUrl": null, "remoteKey": "b.mp4", "mimeType": "video/mp4", "width": 1280, "height": 720, "durationInSeconds": 6, "hasAudioTrack": true},
            "logo": {"id": "logo", "type": "image", "filename": "logo.png", "size": 1, "remoteUrl": null, "remoteKey": "logo.png", "mimeType": "image/png", "width": 200, "height": 200}
          },
          "items": {
            "clip-a": {"id": "clip-a", "type": "video", "assetId": "a", "startTicks": 0, "durationTicks": 1200000,
              "left": {"value": 0, "keyframes": []}, "top": {"value": 0, "keyframes": []}, "width": {"value": 1920, "keyframes": []}, "height": {"value": 1080, "keyframes": []},
              "scaleX": {"value": 1, "keyframes": []}, "scaleY": {"value": 1, "keyframes": []}, "opacity": {"value": 1, "keyframes": []}, "rotation": {"value": 0, "keyframes": []},
              "borderRadius": {"value": 0, "keyframes": []}, "isDraggingInTimeline": false, "keepAspectRatio": false,
              "videoStartFromInSeconds": 0, "playbackRate": 1, "decibelAdjustment": {"value": 0, "keyframes": []},
              "audioFadeInDurationInSeconds": 0, "audioFadeOutDurationInSeconds": 0},
            "clip-b": {"id": "clip-b", "type": "video", "assetId": "b", "startTicks": 1200000, "durationTicks": 1200000,
              "left": {"value": 0, "keyframes": []}, "top": {"value": 0, "keyframes": []}, "width": {"value": 1920, "keyframes": []}, "height": {"value": 1080, "keyframes": []},
              "scaleX": {"value": 1, "keyframes": []}, "scaleY": {"value": 1, "keyframes": []}, "opacity": {"value": 1, "keyframes": []}, "rotation": {"value": 0, "keyframes": []},
              "borderRadius": {"value": 0, "keyframes": []}, "isDraggingInTimeline": false, "keepAspectRatio": false,
              "videoStartFromInSeconds": 0, "playbackRate": 1, "decibelAdjustment": {"value": 0, "keyframes": []},
              "audioFadeInDurationInSeconds": 0, "audioFadeOutDurationInSeconds": 0},
            "logo": {"id": "logo", "type": "image", "assetId": "logo", "startTicks": 0, "durationTicks": 2400000,
              "left": {"value": 100, "keyframes": [{"timeTicks": 0, "value": 100}, {"timeTicks": 2160000, "value": 1360}]},
              "top": {"value": 100, "keyframes": []}, "width": {"value": 300, "keyframes": []}, "height": {"value": 300, "keyframes": []},
              "scaleX": {"value": 1, "keyframes": []}, "scaleY": {"value": 1, "keyframes": []},
              "opacity": {"value": 1, "keyframes": [{"timeTicks": 0, "value": 0}, {"timeTicks": 240000, "value": 1}]},
              "rotation": {"value": 0, "keyframes": []}, "borderRadius": {"value": 0, "keyframes": []}, "isDraggingInTimeline": false,
              "keepAspectRatio": false, "cropLeft": {"value": 0, "keyframes": []}, "cropTop": {"value": 0, "keyframes": []},
              "cropRight": {"value": 0, "keyframes": []}, "cropBottom": {"value": 0, "keyframes": []}}
          },
          "transitions": {
            "fade": {"id": "fade", "trackId": "clips", "fromClipId": "clip-a", "toClipId": "clip-b", "type": "fade", "durationTicks": 240000, "easing": "linear"}
          }
        }
        """;

    /// <summary>The clips' sound cross-faded over the transition's window [4.5, 5.5] as the picture is: the first clip
    /// plays on to 5.5 s fading out from 4.5 s; the second (in-point 0, so silent before 5 s) fades in from 4.5 s.</summary>
    public const string AudioFilter =
        "[0:a]atrim=0:5.5,asetpts=PTS-STARTPTS,afade=t=out:st=4.5:d=1[xa];" +
        "[1:a]atrim=0:5,asetpts=PTS-STARTPTS,adelay=500:all=1,afade=t=in:st=0:d=1,adelay=4500:all=1[xb];" +
        "[xa][xb]amix=inputs=2:normalize=0,apad,atrim=0:10";

    /// <summary>
    /// The hand-written command: the incoming clip is padded with its first frame for the half second before the cut
    /// (as the transition semantics say), xfade joins them, two overlays add the logo (its x an expression of t, its
    /// alpha faded in) and the watermark. Same encoder settings as the export.
    /// </summary>
    public IReadOnlyList<string> HandWrittenArguments(ExportQuality quality, string output)
    {
        var video = string.Join(';',
            "[0:v]trim=0:5.5,setpts=PTS-STARTPTS,scale=1920:1080,fps=30,format=yuv420p[a]",
            "[1:v]trim=0:5,setpts=PTS-STARTPTS,scale=1920:1080,fps=30,format=yuv420p,tpad=start_duration=0.5:start_mode=clone[b]",
            "[a][b]xfade=transition=fade:duration=1:offset=4.5[base]",
            "[2:v]scale=300:300,format=rgba,fade=in:st=0:d=1:alpha=1[logo]",
            "[base][logo]overlay=x='100+140*min(t\\,9)':y=100:eval=frame:shortest=1[withlogo]",
            "[3:v]scale=iw*0.5:ih*0.5[wm]",
            "[withlogo][wm]overlay=x=main_w*0.9-overlay_w/2:y=main_h*0.9-overlay_h/2[v]");
        return
        [
            "-hide_banner", "-loglevel", "error", "-y",
            "-i", ClipA, "-i", ClipB, "-loop", "1", "-framerate", "30", "-t", "10", "-i", Logo, "-i", WatermarkImage,
            "-filter_complex", video + ";" + AudioFilter + "[aout]",
            "-map", "[v]", "-map", "[aout]",
            .. EncoderSettings.Video(OutputFormat.Mp4, quality), .. EncoderSettings.Audio(OutputFormat.Mp4, quality),
            .. EncoderSettings.Container(OutputFormat.Mp4), output,
        ];
    }

    /// <summary>ffmpeg encoding the same number of frames and seconds of sound from its synthetic sources: the encoder's limit.</summary>
    public static IReadOnlyList<string> SyntheticArguments(ExportQuality quality, string output) =>
    [
        "-hide_banner", "-loglevel", "error", "-y",
        "-f", "lavfi", "-i", string.Create(CultureInfo.InvariantCulture, $"testsrc2=s=1920x1080:r={Fps}:d={Seconds}"),
        "-f", "lavfi", "-i", string.Create(CultureInfo.InvariantCulture, $"sine=frequency=440:sample_rate=48000:duration={Seconds}"),
        "-ac", "2",
        .. EncoderSettings.Video(OutputFormat.Mp4, quality), .. EncoderSettings.Audio(OutputFormat.Mp4, quality),
        .. EncoderSettings.Container(OutputFormat.Mp4), output,
    ];
}
