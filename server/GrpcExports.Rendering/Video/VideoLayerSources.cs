using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Compositing;
using GrpcExports.Rendering.Evaluation;
using GrpcExports.Rendering.Frames;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Rendering.Tools;

namespace GrpcExports.Rendering.Video;

/// <summary>
/// Video items: one <see cref="VideoDecoder"/> per item, started at the item's first requested instant (in-point plus
/// local time times playback rate) at the size the box is drawn, and read forward as the frames go by. A request far
/// ahead of the decoder, or behind it (stills rendered out of order), restarts the decoder at the new point. A fixed crop
/// is ffmpeg's (it crops before it scales to the box). A crop keyframed to move is the compositor's: the decoder
/// delivers whole frames at the source's own size and each frame is drawn from its whole-pixel crop, so the decoder runs
/// on; with <c>keepAspectRatio</c> the fitted box changes with the crop's shape, so there the decoder restarts whenever
/// the whole-pixel crop changes.
/// <see cref="ReleaseUnused"/> after each exported frame stops the decoders of items that were not drawn on it: a
/// clip's frames are contiguous, so such an item has ended.
/// </summary>
public sealed class VideoLayerSources(EditorTimeline timeline, IAssetResolver resolver, MediaTools tools, FrameRate rate,
    CancellationToken cancellationToken = default) : ILayerSources, IDisposable
{
    /// <summary>Decoding through more than this many seconds to reach a frame is slower than seeking to it.</summary>
    private const double MaxDecodeAheadSeconds = 2;

    private readonly Dictionary<string, ItemDecoder> _decoders = new(StringComparer.Ordinal);
    private readonly HashSet<string> _drawnSinceRelease = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Width, int Height)> _sourceSizes = new(StringComparer.Ordinal);

    /// <summary>How many decoders run now (one per video item on screen).</summary>
    public int RunningDecoders => _decoders.Count;

    /// <summary>How many decoders have been started so far (restarts included).</summary>
    public int StartedDecoders { get; private set; }

    public LayerSource? SourceFor(ItemLayer layer, Viewport viewport)
    {
        if (layer.Item is not VideoItem video)
        {
            return null;
        }
        if (DrawnSize.Of(layer.Geometry, viewport) is not { } size)
        {
            return new SolidColorSource(Color.Transparent);
        }
        _drawnSinceRelease.Add(video.Id);
        var localSeconds = layer.LocalTicks / timeline.TicksPerSecond;
        var crop = PixelCrop.At(video.Crop, layer.LocalTicks);
        var cropsFrames = video.Crop.Moves && !video.KeepAspectRatio;
        var decoderCrop = cropsFrames ? PixelCrop.None : crop;
        if (!_decoders.TryGetValue(video.Id, out var decoder) || decoder.Decoder.Request.Crop != decoderCrop || !decoder.CanReach(localSeconds, rate))
        {
            decoder?.Decoder.Dispose();
            decoder = Start(video, decoderCrop, cropsFrames ? null : size, Math.Max(0, localSeconds));
            _decoders[video.Id] = decoder;
        }
        if (decoder.Decoder.TryFrameAt(decoder.IndexAt(localSeconds, rate), out var frame))
        {
            return Drawn(frame, cropsFrames ? crop : PixelCrop.None);
        }
        // Nothing from this point on: the point is past the source's end, where the item holds the last frame.
        decoder.Decoder.Dispose();
        decoder = new ItemDecoder(new VideoDecoder(tools, decoder.Decoder.Request with { LastSecond = true }, cancellationToken),
            decoder.StartLocalSeconds, HoldsLastFrame: true);
        _decoders[video.Id] = decoder;
        StartedDecoders++;
        return decoder.Decoder.TryFrameAt(long.MaxValue, out frame)
            ? Drawn(frame, cropsFrames ? crop : PixelCrop.None)
            : throw new VideoDecodeException(video.AssetId, "ffmpeg found no frame in the video");
    }

    /// <summary>The frame, cropped; nothing when the crop leaves nothing of it.</summary>
    private static LayerSource Drawn(RasterImage frame, PixelCrop crop) =>
        crop.Left + crop.Right < frame.Width && crop.Top + crop.Bottom < frame.Height
            ? new RasterSource(frame, crop)
            : new SolidColorSource(Color.Transparent);

    /// <summary>Stops the decoders of items not drawn since the last call.</summary>
    public void ReleaseUnused()
    {
        foreach (var id in _decoders.Keys.Where(id => !_drawnSinceRelease.Contains(id)).ToList())
        {
            _decoders.Remove(id, out var decoder);
            decoder!.Decoder.Dispose();
        }
        _drawnSinceRelease.Clear();
    }

    public void Dispose()
    {
        foreach (var decoder in _decoders.Values)
        {
            decoder.Decoder.Dispose();
        }
        _decoders.Clear();
    }

    /// <param name="size">The size to decode at; null for the source's own size.</param>
    private ItemDecoder Start(VideoItem video, PixelCrop crop, (int Width, int Height)? size, double startLocalSeconds)
    {
        if (!timeline.Assets.TryGetValue(video.AssetId, out var asset))
        {
            throw new AssetUnavailableException(video.AssetId, $"used by video item '{video.Id}' is not in the document's assets");
        }
        var path = resolver.ResolveFile(asset);
        if (!File.Exists(path))
        {
            throw new AssetUnavailableException(asset.Id, $"file {path} does not exist");
        }
        if (!(video.PlaybackRate > 0) || double.IsInfinity(video.PlaybackRate))
        {
            throw new VideoDecodeException(asset.Id, $"video item '{video.Id}' has playbackRate {video.PlaybackRate}; it must be above 0");
        }
        if (size is null && !_sourceSizes.TryGetValue(asset.Id, out var sourceSize))
        {
            sourceSize = VideoFrameSize.ProbeAsync(tools, asset.Id, path, cancellationToken).GetAwaiter().GetResult();
            _sourceSizes[asset.Id] = sourceSize;
        }
        var (width, height) = size ?? _sourceSizes[asset.Id];
        var request = new VideoDecodeRequest(asset.Id, path,
            SourceStartSeconds: Math.Max(0, video.VideoStartFromInSeconds) + startLocalSeconds * video.PlaybackRate,
            video.PlaybackRate, rate, crop, width, height, video.KeepAspectRatio)
        {
            ServedSeconds = (double)timeline.DurationTicks / timeline.TicksPerSecond,
        };
        StartedDecoders++;
        return new ItemDecoder(new VideoDecoder(tools, request, cancellationToken), startLocalSeconds);
    }

    /// <summary>A decoder whose frame 0 shows the item's local time <paramref name="StartLocalSeconds"/>; or, when it
    /// <paramref name="HoldsLastFrame"/>, the source's last frame for that time (found past the end) and any later one.</summary>
    private sealed record ItemDecoder(VideoDecoder Decoder, double StartLocalSeconds, bool HoldsLastFrame = false)
    {
        public long IndexAt(double localSeconds, FrameRate rate) =>
            HoldsLastFrame ? long.MaxValue : (long)Math.Round((localSeconds - StartLocalSeconds) * rate.FramesPerSecond);

        public bool CanReach(double localSeconds, FrameRate rate)
        {
            if (HoldsLastFrame)
            {
                return localSeconds >= StartLocalSeconds;
            }
            var index = IndexAt(localSeconds, rate);
            var current = Decoder.CurrentIndex;
            if (index < current)
            {
                return index <= 0 && current <= 0; // both before the decoder's start: its first frame
            }
            return Decoder.HasEnded || index - current <= MaxDecodeAheadSeconds * rate.FramesPerSecond;
        }
    }
}
