using BenchmarkDotNet.Attributes;
using GrpcExports.Rendering.Timeline;

namespace MicroBenchmarks.Keyframes;

/// <summary>
/// <see cref="AnimatedNumber.Evaluate"/> (a binary search for the segment, then its easing) at every frame of a 10 s
/// clip at 30 fps, against the naive evaluation written here: a scan from the first keyframe for the segment. The
/// count of keyframes is that of a hand-animated property (4), a dense one (64) and a recorded motion path (1,024).
/// </summary>
public class KeyframeEvaluationBenchmarks
{
    private const int FramesEvaluated = 300;
    private const long TicksPerSecond = 240_000;
    private const long ClipTicks = 10 * TicksPerSecond;

    private Keyframe[] _keyframes = [];
    private AnimatedNumber _track = AnimatedNumber.Constant(0);

    [Params(4, 64, 1024)]
    public int KeyframeCount { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        var easings = Enum.GetValues<Easing>();
        _keyframes = [.. Enumerable.Range(0, KeyframeCount).Select(i =>
            new Keyframe(i * ClipTicks / (KeyframeCount - 1), Math.Sin(i) * 500, easings[i % easings.Length]))];
        _track = new AnimatedNumber(0, _keyframes);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = FramesEvaluated)]
    public double NaiveLinearScan()
    {
        var sum = 0.0;
        for (var frame = 0; frame < FramesEvaluated; frame++)
        {
            sum += ScanEvaluate(_keyframes, FrameTicks(frame));
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = FramesEvaluated)]
    public double AnimatedNumberEvaluate()
    {
        var sum = 0.0;
        for (var frame = 0; frame < FramesEvaluated; frame++)
        {
            sum += _track.Evaluate(FrameTicks(frame));
        }
        return sum;
    }

    private static double FrameTicks(int frame) => frame * (double)ClipTicks / FramesEvaluated;

    private static double ScanEvaluate(Keyframe[] keyframes, double ticks)
    {
        if (ticks < keyframes[0].TimeTicks)
        {
            return keyframes[0].Value;
        }
        for (var i = 0; i < keyframes.Length - 1; i++)
        {
            var (from, to) = (keyframes[i], keyframes[i + 1]);
            if (ticks < to.TimeTicks)
            {
                var progress = EasingCurves.Apply(from.Easing, (ticks - from.TimeTicks) / (to.TimeTicks - from.TimeTicks));
                return from.Value + (to.Value - from.Value) * progress;
            }
        }
        return keyframes[^1].Value;
    }
}
