using GrpcExports.Rendering.Compositing;

namespace GrpcExports.Rendering.Gifs;

/// <summary>
/// A gif's frames, prepared at the size they are drawn, each shown for its own delay: <see cref="FrameAt"/> finds the
/// frame shown a given time into the gif, starting over after the last one or holding it.
/// </summary>
public sealed class GifAnimation
{
    private readonly RasterImage[] _frames;
    private readonly double[] _ends;

    /// <param name="delaysInSeconds">How long each frame shows, one per frame, each more than 0.</param>
    public GifAnimation(IReadOnlyList<RasterImage> frames, IReadOnlyList<double> delaysInSeconds)
    {
        if (frames.Count == 0 || frames.Count != delaysInSeconds.Count)
        {
            throw new ArgumentException($"A gif needs one delay per frame: {frames.Count} frames, {delaysInSeconds.Count} delays.");
        }
        _frames = [.. frames];
        _ends = new double[frames.Count];
        var end = 0.0;
        for (var i = 0; i < _ends.Length; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(delaysInSeconds[i], nameof(delaysInSeconds));
            end += delaysInSeconds[i];
            _ends[i] = end;
        }
    }

    public int FrameCount => _frames.Length;

    /// <summary>One pass through every frame.</summary>
    public double DurationInSeconds => _ends[^1];

    /// <summary>The frame shown <paramref name="seconds"/> into the gif (the first before 0).</summary>
    public RasterImage FrameAt(double seconds, bool loops)
    {
        var time = Math.Max(0, seconds);
        if (time >= DurationInSeconds)
        {
            if (!loops)
            {
                return _frames[^1];
            }
            time %= DurationInSeconds;
        }
        var index = Array.BinarySearch(_ends, time);
        // An exact end belongs to the next frame; otherwise the first end after the time is the frame's.
        index = index >= 0 ? index + 1 : ~index;
        return _frames[Math.Min(index, _frames.Length - 1)];
    }
}
