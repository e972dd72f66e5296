using System.Buffers;
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
/// drawing allocates nothing (a cross-fade's scratch band comes from a pool).
/// </remarks>
public sealed class Compositor
{
    private readonly ParallelOptions _parallel;

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
        _ => throw new NotSupportedException($"No compositing for {command.GetType().Name}."),
    };

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
