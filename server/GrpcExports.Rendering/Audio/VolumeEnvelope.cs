using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Audio;

/// <summary>
/// An item's <c>decibelAdjustment</c> over its own time in seconds: a constant, or straight pieces between keyframes
/// (held before the first and after the last). Eased segments are approximated by
/// <see cref="PiecesPerEasedSegment"/> straight pieces; a <c>hold</c> segment is one flat piece.
/// </summary>
public sealed record VolumeEnvelope(double StartDecibels, IReadOnlyList<VolumePiece> Pieces)
{
    public const int PiecesPerEasedSegment = 16;

    public bool IsConstant => Pieces.Count == 0;

    /// <summary>The value held after the last piece (the only value when constant).</summary>
    public double EndDecibels => Pieces.Count == 0 ? StartDecibels : Pieces[^1].ToDecibels;

    public static VolumeEnvelope Constant(double decibels) => new(decibels, []);

    /// <summary>The same envelope for a clock that starts <paramref name="seconds"/> earlier.</summary>
    public VolumeEnvelope ShiftedBy(double seconds) => this with
    {
        Pieces = [.. Pieces.Select(p => p with { StartSeconds = p.StartSeconds + seconds, EndSeconds = p.EndSeconds + seconds })],
    };

    public static VolumeEnvelope From(AnimatedNumber decibels, long ticksPerSecond)
    {
        var keyframes = decibels.Keyframes;
        if (keyframes.Count == 0)
        {
            return Constant(decibels.Value);
        }
        if (keyframes.All(k => k.Value == keyframes[0].Value))
        {
            return Constant(keyframes[0].Value);
        }
        var pieces = new List<VolumePiece>();
        for (var i = 0; i + 1 < keyframes.Count; i++)
        {
            var (from, to) = (keyframes[i], keyframes[i + 1]);
            if (to.TimeTicks == from.TimeTicks)
            {
                continue;
            }
            var steps = from.Easing is Easing.Linear or Easing.Hold ? 1 : PiecesPerEasedSegment;
            for (var step = 0; step < steps; step++)
            {
                var startTicks = from.TimeTicks + (to.TimeTicks - from.TimeTicks) * (double)step / steps;
                var endTicks = from.TimeTicks + (to.TimeTicks - from.TimeTicks) * (double)(step + 1) / steps;
                var endValue = from.Easing == Easing.Hold ? from.Value : decibels.Evaluate(endTicks);
                pieces.Add(new VolumePiece(startTicks / ticksPerSecond, endTicks / ticksPerSecond,
                    decibels.Evaluate(startTicks), endValue));
            }
        }
        if (pieces.Count == 0 || pieces[^1].ToDecibels != keyframes[^1].Value)
        {
            // Keyframes sharing the last time: the later one holds from there on.
            var at = keyframes[^1].TimeTicks / (double)ticksPerSecond;
            pieces.Add(new VolumePiece(at, at, keyframes[^1].Value, keyframes[^1].Value));
        }
        return new VolumeEnvelope(keyframes[0].Value, pieces);
    }
}

/// <summary>A straight change from <see cref="FromDecibels"/> to <see cref="ToDecibels"/> over <c>[Start, End)</c> seconds.</summary>
public sealed record VolumePiece(double StartSeconds, double EndSeconds, double FromDecibels, double ToDecibels);
