using System.Buffers;
using System.Diagnostics;
using GrpcExports.Rendering.Compositing.Blurring;
using GrpcExports.Rendering.Compositing.ColorTransforms;
using GrpcExports.Rendering.Compositing.Masks;

namespace GrpcExports.Rendering.Compositing;

/// <summary>
/// Composites a frame from its <see cref="DrawCommand"/>s into a <see cref="FrameBuffer"/>.
/// </summary>
/// <remarks>
/// The frame is cut into bands of <see cref="BandRows"/> rows, and each band runs every command from the bottom up
/// before the next band starts: a band (16 rows of 1080p is 120 KB) stays in the core's cache while all the layers are
/// blended into it, so the frame goes through memory once however many layers it has. Bands are shared out over the
/// cores with <see cref="Parallel"/>. Commands are prepared once per frame (bounds, inverse transforms, colours);
/// drawing allocates nothing (a cross-fade's scratch band comes from a pool). Blurs read neighbouring rows, so they run
/// on the whole frame between the banded runs; their frame-sized scratch buffers are kept for the next frame.
/// </remarks>
public sealed class Compositor
{
    private readonly ParallelOptions _parallel;
    private FrameScratch? _scratch;

    public Compositor(int maxDegreeOfParallelism = -1, int bandRows = 16)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bandRows);
        BandRows = bandRows;
        _parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount,
        };
    }

    public int BandRows { get; }

    public int MaxDegreeOfParallelism => _parallel.MaxDegreeOfParallelism;

    public void Render(FrameBuffer target, IReadOnlyList<DrawCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(target);
        var operations = new Operation[commands.Count];
        for (var i = 0; i < operations.Length; i++)
        {
            operations[i] = Prepare(commands[i], target.Width, target.Height);
        }
        // Operations that read neighbouring pixels (blurs) need every band below them finished: the stack is drawn in
        // runs of band-wise operations, each frame-wide one applied to the whole frame between them.
        var runStart = 0;
        FrameScratch? scratch = null;
        for (var i = 0; i < operations.Length; i++)
        {
            if (operations[i] is FrameOperation frameWide)
            {
                DrawBands(target, operations[runStart..i]);
                scratch ??= Interlocked.Exchange(ref _scratch, null) ?? new FrameScratch();
                frameWide.Apply(this, target, scratch);
                runStart = i + 1;
            }
        }
        DrawBands(target, operations[runStart..]);
        if (scratch is not null)
        {
            _scratch = scratch;
        }
    }

    private void DrawBands(FrameBuffer target, Operation[] operations)
    {
        if (operations.Length == 0)
        {
            return;
        }
        var bands = (target.Height + BandRows - 1) / BandRows;
        var pixels = target.Array;
        var width = target.Width;
        var height = target.Height;
        if (_parallel.MaxDegreeOfParallelism == 1)
        {
            for (var band = 0; band < bands; band++)
            {
                DrawBand(pixels, width, height, band, operations);
            }
            return;
        }
        Parallel.For(0, bands, _parallel, band => DrawBand(pixels, width, height, band, operations));
    }

    private void DrawBand(uint[] pixels, int width, int height, int band, Operation[] operations)
    {
        var firstRow = band * BandRows;
        var endRow = Math.Min(height, firstRow + BandRows);
        var canvas = new Canvas(pixels, width, 0);
        // Start at the topmost operation that paints the whole band opaquely: what lies beneath it cannot show.
        var start = operations.Length - 1;
        while (start > 0 && !operations[start].CoversOpaquely(firstRow, endRow, width))
        {
            start--;
        }
        for (var i = Math.Max(start, 0); i < operations.Length; i++)
        {
            operations[i].Draw(canvas, firstRow, endRow);
        }
    }

    private static Operation Prepare(DrawCommand command, int width, int height) => command switch
    {
        FillCommand fill => new FillOperation(PixelMath.Premultiply(fill.Color)),
        LayerCommand layer => new LayerOperation(PreparedLayer.Prepare(layer.Layer, width, height)),
        MixCommand mix => new MixOperation([.. mix.Layers.Select(l => PreparedLayer.Prepare(l, width, height))]),
        MaskedMixCommand masked => new MaskedMixOperation(PrepareOrEmpty(masked.Outgoing, width, height),
            PrepareOrEmpty(masked.Incoming, width, height), masked.Mask),
        ColorTransformCommand transform => new ColorTransformOperation(transform.Matrix, Clip(transform.Region, width, height)),
        BlurCommand blur => new BlurOperation(blur.Radius, Clip(blur.Region, width, height)),
        BlurredBackdropCommand backdrop => new BlurredBackdropOperation(backdrop.Radius, Clip(backdrop.Content, width, height),
            PixelMath.Premultiply(backdrop.Fill)),
        _ => throw new NotSupportedException($"No compositing for {command.GetType().Name}."),
    };

    private static PixelRegion Clip(PixelRegion region, int width, int height) => new(
        Math.Clamp(region.Left, 0, width), Math.Clamp(region.Top, 0, height),
        Math.Clamp(region.Right, 0, width), Math.Clamp(region.Bottom, 0, height));

    private static PreparedLayer? PrepareOrEmpty(LayerDraw? draw, int width, int height) =>
        draw is null ? null : PreparedLayer.Prepare(draw, width, height);

    private abstract class Operation
    {
        public abstract void Draw(in Canvas frame, int firstRow, int endRow);

        public virtual bool CoversOpaquely(int firstRow, int endRow, int frameWidth) => false;
    }

    private sealed class FillOperation(uint color) : Operation
    {
        public override bool CoversOpaquely(int firstRow, int endRow, int frameWidth) => color >> 24 == 255;

        public override void Draw(in Canvas frame, int firstRow, int endRow)
        {
            for (var y = firstRow; y < endRow; y++)
            {
                frame.Row(y).Fill(color);
            }
        }
    }

    private sealed class LayerOperation(PreparedLayer layer) : Operation
    {
        public override void Draw(in Canvas frame, int firstRow, int endRow) => layer.Draw(frame, firstRow, endRow, BlendMode.Over);

        public override bool CoversOpaquely(int firstRow, int endRow, int frameWidth) => layer.CoversOpaquely(firstRow, endRow, frameWidth);
    }

    /// <summary>Sums the layers into a cleared scratch band over their joint bounds, then draws that over the frame.</summary>
    private sealed class MixOperation : Operation
    {
        private readonly PreparedLayer[] _layers;
        private readonly JointBounds _bounds;

        public MixOperation(PreparedLayer[] layers)
        {
            _layers = [.. layers.Where(l => !l.IsEmpty)];
            _bounds = JointBounds.Of(_layers);
        }

        public override void Draw(in Canvas frame, int firstRow, int endRow)
        {
            if (!_bounds.RowsWithin(firstRow, endRow, out var from, out var to))
            {
                return;
            }
            var (left, right) = (_bounds.Left, _bounds.Right);
            var width = frame.Width;
            var rented = ArrayPool<uint>.Shared.Rent((to - from) * width);
            try
            {
                var scratch = new Canvas(rented, width, from);
                for (var y = from; y < to; y++)
                {
                    scratch.Row(y)[left..right].Clear();
                }
                foreach (var layer in _layers)
                {
                    layer.Draw(scratch, from, to, BlendMode.Plus);
                }
                for (var y = from; y < to; y++)
                {
                    RowBlending.Over(frame.Row(y)[left..right], scratch.Row(y)[left..right], 255);
                }
            }
            finally
            {
                ArrayPool<uint>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Draws each layer into a cleared scratch band of its own, mixes the two per pixel by the mask's weights, and
    /// draws the mix over the frame, within the layers' joint bounds.
    /// </summary>
    private sealed class MaskedMixOperation : Operation
    {
        private readonly PreparedLayer? _outgoing, _incoming;
        private readonly CoverageMask _mask;
        private readonly JointBounds _bounds;

        public MaskedMixOperation(PreparedLayer? outgoing, PreparedLayer? incoming, CoverageMask mask)
        {
            _outgoing = outgoing is { IsEmpty: false } ? outgoing : null;
            _incoming = incoming is { IsEmpty: false } ? incoming : null;
            _mask = mask;
            _bounds = JointBounds.Of([.. new[] { _outgoing, _incoming }.OfType<PreparedLayer>()]);
        }

        public override void Draw(in Canvas frame, int firstRow, int endRow)
        {
            if (!_bounds.RowsWithin(firstRow, endRow, out var from, out var to))
            {
                return;
            }
            var (left, right) = (_bounds.Left, _bounds.Right);
            var width = frame.Width;
            var pool = ArrayPool<uint>.Shared;
            var outgoingRows = pool.Rent((to - from) * width);
            var incomingRows = pool.Rent((to - from) * width);
            var maskRow = pool.Rent(right - left);
            try
            {
                var outgoing = new Canvas(outgoingRows, width, from);
                var incoming = new Canvas(incomingRows, width, from);
                for (var y = from; y < to; y++)
                {
                    outgoing.Row(y)[left..right].Clear();
                    incoming.Row(y)[left..right].Clear();
                }
                _outgoing?.Draw(outgoing, from, to, BlendMode.Plus);
                _incoming?.Draw(incoming, from, to, BlendMode.Plus);
                var weights = maskRow.AsSpan(0, right - left);
                for (var y = from; y < to; y++)
                {
                    _mask.FillRow(y, left, weights);
                    var mixed = outgoing.Row(y)[left..right];
                    RowBlending.MixByMask(mixed, incoming.Row(y)[left..right], weights);
                    RowBlending.Over(frame.Row(y)[left..right], mixed, 255);
                }
            }
            finally
            {
                pool.Return(maskRow);
                pool.Return(incomingRows);
                pool.Return(outgoingRows);
            }
        }
    }

    /// <summary>The frame-sized buffers of frame-wide operations, reused from frame to frame.</summary>
    private sealed class FrameScratch
    {
        private uint[] _blur = [];
        private uint[] _frameCopy = [];
        private RasterImage? _content;

        public uint[] Blur(int length) => AtLeast(ref _blur, length);

        public uint[] FrameCopy(int length) => AtLeast(ref _frameCopy, length);

        public RasterImage Content(int width, int height) => _content is { } kept && kept.Width == width && kept.Height == height
            ? kept
            : _content = new RasterImage(width, height);

        private static uint[] AtLeast(ref uint[] buffer, int length)
        {
            if (buffer.Length < length)
            {
                buffer = GC.AllocateUninitializedArray<uint>(length);
            }
            return buffer;
        }
    }

    /// <summary>An operation on the whole frame at once, after everything below it is drawn.</summary>
    private abstract class FrameOperation : Operation
    {
        public sealed override void Draw(in Canvas frame, int firstRow, int endRow) =>
            throw new UnreachableException("Frame-wide operations are applied to the whole frame, not band by band.");

        public abstract void Apply(Compositor compositor, FrameBuffer target, FrameScratch scratch);
    }

    private sealed class ColorTransformOperation(ColorMatrix matrix, PixelRegion region) : Operation
    {
        public override void Draw(in Canvas frame, int firstRow, int endRow)
        {
            if (region.Width <= 0)
            {
                return;
            }
            for (var y = Math.Max(firstRow, region.Top); y < Math.Min(endRow, region.Bottom); y++)
            {
                ColorMatrixRows.Apply(frame.Row(y)[region.Left..region.Right], matrix);
            }
        }
    }

    private sealed class BlurOperation(int radius, PixelRegion region) : FrameOperation
    {
        public override void Apply(Compositor compositor, FrameBuffer target, FrameScratch scratch) => BoxBlur.Apply(target.Array,
            target.Width, region, radius, scratch.Blur(region.Width * region.Height), compositor._parallel);
    }

    /// <summary>
    /// Keeps a copy of the frame, fills the frame with the content region scaled to cover it over the fill colour, blurs
    /// that, and draws the copy back over it.
    /// </summary>
    private sealed class BlurredBackdropOperation(int radius, PixelRegion content, uint fill) : FrameOperation
    {
        public override void Apply(Compositor compositor, FrameBuffer target, FrameScratch scratch)
        {
            if (content.IsEmpty)
            {
                return;
            }
            var (width, height) = (target.Width, target.Height);
            var pixels = target.Array;
            var copy = scratch.FrameCopy(pixels.Length);
            pixels.CopyTo(copy, 0);
            var picture = scratch.Content(content.Width, content.Height);
            var picturePixels = picture.Pixels;
            for (var y = 0; y < content.Height; y++)
            {
                pixels.AsSpan((content.Top + y) * width + content.Left, content.Width).CopyTo(picturePixels[(y * content.Width)..]);
            }
            picture.RefreshOpacity();
            var scale = Math.Max((double)width / content.Width, (double)height / content.Height);
            var cover = PreparedLayer.Prepare(new LayerDraw(new RasterSource(picture),
                new LayerPlacement(width / 2.0, height / 2.0, content.Width * scale, content.Height * scale)), width, height);
            pixels.AsSpan().Fill(fill);
            compositor.DrawBands(target, [new LayerOperation(cover)]);
            BoxBlur.Apply(pixels, width, new PixelRegion(0, 0, width, height), radius,
                scratch.Blur(pixels.Length), compositor._parallel);
            Parallel.For(0, height, compositor._parallel, y =>
                RowBlending.Over(pixels.AsSpan(y * width, width), copy.AsSpan(y * width, width), 255));
        }
    }

    /// <summary>The rectangle covering every layer of a mix; empty when there are none.</summary>
    private readonly record struct JointBounds(int Left, int Right, int Top, int Bottom)
    {
        public static JointBounds Of(IReadOnlyList<PreparedLayer> layers) => layers.Count == 0
            ? default
            : new(layers.Min(l => l.Left), layers.Max(l => l.Right), layers.Min(l => l.Top), layers.Max(l => l.Bottom));

        /// <summary>The rows of the band [<paramref name="firstRow"/>, <paramref name="endRow"/>) inside the bounds; false when none.</summary>
        public bool RowsWithin(int firstRow, int endRow, out int from, out int to)
        {
            from = Math.Max(firstRow, Top);
            to = Math.Min(endRow, Bottom);
            return from < to && Left < Right;
        }
    }
}
