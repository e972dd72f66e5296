using GrpcExports.Rendering.Compositing;
using GrpcExports.Rendering.Evaluation;
using GrpcExports.Rendering.Frames;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Rendering.Tools;

namespace GrpcExports.Rendering.Stills;

/// <summary>
/// Renders single frames of a timeline: into a <see cref="FrameBuffer"/>, or to a PNG (thumbnails, previews, tests).
/// </summary>
public sealed class StillRenderer
{
    private readonly MediaTools _tools;
    private readonly Compositor _compositor;
    private readonly IReadOnlyList<ILayerSources> _sources;

    public StillRenderer(MediaTools? tools = null, Compositor? compositor = null, IReadOnlyList<ILayerSources>? sources = null)
    {
        _tools = tools ?? MediaTools.Default;
        _compositor = compositor ?? new Compositor();
        _sources = sources ?? [new SolidLayerSources()];
    }

    /// <summary>Composites frame <paramref name="frame"/> at <paramref name="rate"/> at the composition's size.</summary>
    public RenderedStill Render(EditorTimeline timeline, FrameRate rate, long frame, Viewport? viewport = null)
    {
        viewport ??= Viewport.Identity(timeline);
        var plan = new FrameEvaluator(timeline, rate).Evaluate(frame);
        var composed = new FrameComposer(viewport, _sources).Compose(plan, timeline);
        var buffer = new FrameBuffer(viewport.OutputWidth, viewport.OutputHeight);
        _compositor.Render(buffer, composed.Commands);
        return new RenderedStill(buffer, plan, composed.Skipped);
    }

    /// <summary>Renders the frame and writes it as a PNG at <paramref name="path"/>.</summary>
    public async Task<RenderedStill> RenderPngAsync(EditorTimeline timeline, FrameRate rate, long frame, string path,
        Viewport? viewport = null, CancellationToken cancellationToken = default)
    {
        var still = Render(timeline, rate, frame, viewport);
        await new PngWriter(_tools).WriteAsync(still.Frame, path, cancellationToken);
        return still;
    }
}

/// <summary>A rendered frame with the plan it was drawn from and what was left out.</summary>
public sealed record RenderedStill(FrameBuffer Frame, FramePlan Plan, IReadOnlyList<string> Skipped);
