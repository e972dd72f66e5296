using System.Diagnostics;

namespace GrpcExports.Rendering.Export;

/// <summary>
/// Turns frame counts into <see cref="RenderProgress"/> reports: at most one per <see cref="Interval"/> while
/// rendering (a watcher needs a few a second, not one per frame), and always on a stage change and the last frame.
/// </summary>
internal sealed class ProgressReporter(IProgress<RenderProgress>? progress, long totalFrames)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly Stopwatch _sinceRenderingStarted = new();
    private TimeSpan _lastReport;

    public void Stage(RenderStage stage, long framesDone)
    {
        if (stage == RenderStage.Rendering && !_sinceRenderingStarted.IsRunning)
        {
            _sinceRenderingStarted.Start();
        }
        Send(stage, framesDone);
    }

    public void FrameDone(long framesDone)
    {
        var now = _sinceRenderingStarted.Elapsed;
        if (framesDone == totalFrames || now - _lastReport >= Interval)
        {
            Send(RenderStage.Rendering, framesDone);
        }
    }

    private void Send(RenderStage stage, long framesDone)
    {
        _lastReport = _sinceRenderingStarted.Elapsed;
        if (progress is null)
        {
            return;
        }
        var seconds = _sinceRenderingStarted.Elapsed.TotalSeconds;
        var fps = framesDone > 0 && seconds > 0 ? framesDone / seconds : 0;
        TimeSpan? left = fps > 0 ? TimeSpan.FromSeconds((totalFrames - framesDone) / fps) : null;
        progress.Report(new RenderProgress(stage, framesDone, totalFrames, fps, left));
    }
}
