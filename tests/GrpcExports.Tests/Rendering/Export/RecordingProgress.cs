using GrpcExports.Rendering.Export;

namespace GrpcExports.Tests.Rendering.Export;

/// <summary>Keeps every progress report, synchronously (unlike <see cref="Progress{T}"/>), and can act on each.</summary>
public sealed class RecordingProgress(Action<RenderProgress>? onReport = null) : IProgress<RenderProgress>
{
    private readonly List<RenderProgress> _reports = [];

    public IReadOnlyList<RenderProgress> Reports
    {
        get
        {
            lock (_reports)
            {
                return [.. _reports];
            }
        }
    }

    public void Report(RenderProgress value)
    {
        lock (_reports)
        {
            _reports.Add(value);
        }
        onReport?.Invoke(value);
    }
}
