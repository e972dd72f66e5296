using GrpcExports.Rendering.Assets;
using System.Runtime.CompilerServices;

namespace GrpcExports.Rendering.Compositing;

internal enum BlendMode
{
    /// <summary>Premultiplied source-over.</summary>
    Over,

    /// <summary>Saturating sum (a weighted mix into a transparent scratch).</summary>
    Plus,
}

/// <summary>
/// A <see cref="LayerDraw"/> made ready to rasterise: the inverse of its placement, its clipped bounds, its source
/// colour or picture. Drawing walks the rows of a band and splits each row into the run the box covers fully (filled
/// with the vector loops of <see cref="RowBlending"/>) and the few pixels on its edges and corners (coverage computed
/// per pixel). Nothing is allocated while drawing.
/// </summary>
internal sealed class PreparedLayer
{
    private const double Epsilon = 1e-7;

    /// <summary>Samples are taken into a stack buffer this many pixels at a time, then blended with the vector loops.</summary>
    private const int ChunkPixels = 256;

    private readonly double _centerX, _centerY, _cos, _sin;
    private readonly BoxCoverage _box;
    private readonly double _opacity;
    private readonly int _opacityWeight;
    private readonly int _left, _top, _right, _bottom;

    private readonly uint _color;
    private readonly uint _interiorColor;

    /// <summary>Every pixel this layer covers fully ends up opaque (full opacity, opaque source).</summary>
    private readonly bool _opaque;

    /// <summary>The polygon drawn instead of the box (solid colours only), in frame pixels.</summary>
    private readonly PolygonCoverage? _polygon;

    private readonly RasterImage? _raster;
    private readonly PixelCrop _crop;
    private readonly double _sourceScaleX, _sourceScaleY, _mirrorX, _mirrorY;

    /// <summary>The raster is drawn at its own size, unrotated and unmirrored: only moved, perhaps by a fraction of a
    /// pixel (a still or video prepared at the size it is drawn). Source = frame position - origin.</summary>
    private readonly bool _translated;
    private readonly double _originX, _originY;

    private PreparedLayer(LayerDraw draw, int frameWidth, int frameHeight)
    {
        var placement = draw.Placement;
        _centerX = placement.CenterX;
        _centerY = placement.CenterY;
        var radians = placement.RotationDegrees * Math.PI / 180;
        (_sin, _cos) = Math.SinCos(radians);
        // Snap the rotations editors use most so that their rows are exactly axis-aligned.
        if (Math.Abs(_sin) < 1e-12)
        {
            _sin = 0;
        }
        if (Math.Abs(_cos) < 1e-12)
        {
            _cos = 0;
        }
        var halfWidth = Math.Abs(placement.Width) / 2;
        var halfHeight = Math.Abs(placement.Height) / 2;
        _box = new BoxCoverage(halfWidth, halfHeight, placement.CornerRadiusX, placement.CornerRadiusY);
        _opacity = Math.Clamp(draw.Opacity, 0, 1);
        _opacityWeight = PixelMath.ToByteWeight(_opacity);

        // Bounds: the rotated box plus one pixel for anti-aliasing, clipped to the frame.
        var extentX = Math.Abs(_cos) * (halfWidth + 1) + Math.Abs(_sin) * (halfHeight + 1);
        var extentY = Math.Abs(_sin) * (halfWidth + 1) + Math.Abs(_cos) * (halfHeight + 1);
        _left = (int)Math.Max(0, Math.Floor(_centerX - extentX));
        _right = (int)Math.Min(frameWidth, Math.Ceiling(_centerX + extentX));
        _top = (int)Math.Max(0, Math.Floor(_centerY - extentY));
        _bottom = (int)Math.Min(frameHeight, Math.Ceiling(_centerY + extentY));

        if (draw.Outline is { } outline)
        {
            if (draw.Source is not SolidColorSource)
            {
                throw new NotSupportedException("Outlines are drawn in solid colours only.");
            }
            _polygon = PlaceOutline(outline, placement);
            _left = (int)Math.Max(0, Math.Floor(_polygon.MinX - 1));
            _right = (int)Math.Min(frameWidth, Math.Ceiling(_polygon.MaxX + 1));
            _top = (int)Math.Max(0, Math.Floor(_polygon.MinY - 1));
            _bottom = (int)Math.Min(frameHeight, Math.Ceiling(_polygon.MaxY + 1));
        }

        switch (draw.Source)
        {
            case SolidColorSource solid:
                _color = solid.Premultiplied;
                _interiorColor = PixelMath.Scale(_color, _opacityWeight);
                _opaque = _interiorColor >> 24 == 255;
                break;
            case RasterSource { Image: var image, Crop: var crop }:
                _raster = image;
                _crop = crop;
                _sourceScaleX = halfWidth > 0 ? (image.Width - crop.Left - crop.Right) / (2 * halfWidth) : 0;
                _sourceScaleY = halfHeight > 0 ? (image.Height - crop.Top - crop.Bottom) / (2 * halfHeight) : 0;
                _mirrorX = placement.MirrorX ? -1 : 1;
                _mirrorY = placement.MirrorY ? -1 : 1;
                _originX = _centerX - halfWidth;
                _originY = _centerY - halfHeight;
                _translated = _sin == 0 && _cos > 0 && !placement.MirrorX && !placement.MirrorY && crop.IsNone
                    && Math.Abs(image.Width - 2 * halfWidth) < 1e-9 && Math.Abs(image.Height - 2 * halfHeight) < 1e-9;
                _opaque = image.IsOpaque && _opacityWeight == 255;
                break;
            default:
                throw new NotSupportedException($"No rasteriser for {draw.Source.GetType().Name}.");
        }
    }

    public int Left => _left;

    public int Right => _right;

    public int Top => _top;

    public int Bottom => _bottom;

    public bool IsEmpty => _left >= _right || _top >= _bottom || _opacityWeight == 0 || _box.HalfWidth <= 0 || _box.HalfHeight <= 0;

    /// <summary>
    /// Whether drawing this layer over-writes every pixel of the rows <c>[firstRow, endRow)</c> across the whole frame
    /// width with opaque colour: then nothing beneath it there needs drawing. Conservative: only axis-aligned boxes,
    /// and only where the corners' rounding does not reach.
    /// </summary>
    public bool CoversOpaquely(int firstRow, int endRow, int frameWidth)
    {
        if (!_opaque || _sin != 0 || IsEmpty || _polygon is not null)
        {
            return false;
        }
        // Axis-aligned: pixel x is fully covered when [x, x + 1] lies within [cx - w/2, cx + w/2], likewise rows.
        double left = _centerX - _box.HalfWidth, right = _centerX + _box.HalfWidth;
        double top = _centerY - _box.HalfHeight, bottom = _centerY + _box.HalfHeight;
        var wideArm = left + _box.RadiusX <= 0 && right - _box.RadiusX >= frameWidth && top <= firstRow && bottom >= endRow;
        var tallArm = left <= 0 && right >= frameWidth && top + _box.RadiusY <= firstRow && bottom - _box.RadiusY >= endRow;
        return wideArm || tallArm;
    }

    public static PreparedLayer Prepare(LayerDraw draw, int frameWidth, int frameHeight) => new(draw, frameWidth, frameHeight);

    /// <summary>Draws the rows <c>[firstRow, endRow)</c> of the frame into <paramref name="canvas"/>.</summary>
    public void Draw(in Canvas canvas, int firstRow, int endRow, BlendMode mode)
    {
        if (IsEmpty)
        {
            return;
        }
        var from = Math.Max(firstRow, _top);
        var to = Math.Min(endRow, _bottom);
        for (var y = from; y < to; y++)
        {
            if (_polygon is null)
            {
                DrawRow(canvas.Row(y), y, mode);
            }
            else
            {
                _polygon.DrawRow(canvas.Row(y), y, _left, _right, _color, _interiorColor, _opacity, mode);
            }
        }
    }

    /// <summary>The outline's unit-square corners sized, mirrored, turned clockwise and moved as the box is.</summary>
    private PolygonCoverage PlaceOutline(ShapeOutline outline, LayerPlacement placement)
    {
        var mirrorX = placement.MirrorX ? -1 : 1;
        var mirrorY = placement.MirrorY ? -1 : 1;
        return new PolygonCoverage([.. outline.Corners.Select(corner =>
        {
            var x = corner.X * Math.Abs(placement.Width) * mirrorX;
            var y = corner.Y * Math.Abs(placement.Height) * mirrorY;
            return (_centerX + x * _cos - y * _sin, _centerY + x * _sin + y * _cos);
        })]);
    }

    private void DrawRow(Span<uint> row, int y, BlendMode mode)
    {
        // The pixel centre (x + 0.5, y + 0.5) in the box's frame: q(x) = q0 + x * dq, with dq = (cos, -sin).
        var dy = y + 0.5 - _centerY;
        var dx0 = 0.5 - _centerX;
        var qx0 = dx0 * _cos + dy * _sin;
        var qy0 = -dx0 * _sin + dy * _cos;
        var stepX = _cos;
        var stepY = -_sin;

        // Every pixel with any coverage: |qx| < w/2 + 0.5 and |qy| < h/2 + 0.5.
        var (outerLow, outerHigh) = Intersect(
            Slab(qx0, stepX, _box.HalfWidth + 0.5),
            Slab(qy0, stepY, _box.HalfHeight + 0.5));
        var first = (int)Math.Max(_left, Math.Ceiling(outerLow - Epsilon));
        var last = (int)Math.Min(_right - 1, Math.Floor(outerHigh + Epsilon));
        if (first > last)
        {
            return;
        }

        // The pixels covered fully: inside the box by half a pixel and outside the corners' squares. The region is a
        // cross (two overlapping rectangles); a row crosses it in one run, or in two around a corner notch, in which
        // case the longer run is taken and the rest is drawn pixel by pixel (still exact).
        var wide = Intersect(
            Slab(qx0, stepX, _box.HalfWidth - Math.Max(0.5, _box.RadiusX)),
            Slab(qy0, stepY, _box.HalfHeight - 0.5));
        var tall = Intersect(
            Slab(qx0, stepX, _box.HalfWidth - 0.5),
            Slab(qy0, stepY, _box.HalfHeight - Math.Max(0.5, _box.RadiusY)));
        var (innerLow, innerHigh) = Union(wide, tall);
        if (_box.HasCorners && _box.RadiusX == _box.RadiusY && _box.RadiusX > 0.5)
        {
            // The fully covered set is then itself a rounded box (half a pixel in, radius r - 0.5), which is convex:
            // the row crosses it in one run, the hull of its runs through the two arms and the four corner discs.
            var radius = _box.RadiusX - 0.5;
            var cornerX = _box.HalfWidth - _box.RadiusX;
            var cornerY = _box.HalfHeight - _box.RadiusY;
            (innerLow, innerHigh) = Hull((innerLow, innerHigh), Disc(qx0 - cornerX, qy0 - cornerY, stepX, stepY, radius));
            (innerLow, innerHigh) = Hull((innerLow, innerHigh), Disc(qx0 + cornerX, qy0 - cornerY, stepX, stepY, radius));
            (innerLow, innerHigh) = Hull((innerLow, innerHigh), Disc(qx0 - cornerX, qy0 + cornerY, stepX, stepY, radius));
            (innerLow, innerHigh) = Hull((innerLow, innerHigh), Disc(qx0 + cornerX, qy0 + cornerY, stepX, stepY, radius));
        }
        // A pixel within Epsilon of the limit is covered to within Epsilon: the same byte either way.
        var innerFirst = (int)Math.Max(first, Math.Ceiling(innerLow - Epsilon));
        var innerLast = (int)Math.Min(last, Math.Floor(innerHigh + Epsilon));

        if (innerFirst > innerLast)
        {
            DrawEdge(row, y, first, last, qx0, qy0, mode);
            return;
        }
        DrawEdge(row, y, first, innerFirst - 1, qx0, qy0, mode);
        DrawInterior(row, y, innerFirst, innerLast, qx0, qy0, mode);
        DrawEdge(row, y, innerLast + 1, last, qx0, qy0, mode);
    }

    private void DrawInterior(Span<uint> row, int y, int first, int last, double qx0, double qy0, BlendMode mode)
    {
        var run = row.Slice(first, last - first + 1);
        if (_raster is null)
        {
            if (mode == BlendMode.Over)
            {
                RowBlending.OverConstant(run, _interiorColor);
            }
            else
            {
                RowBlending.PlusConstant(run, _interiorColor);
            }
            return;
        }
        var image = _raster;
        if (_translated)
        {
            // Source = frame - origin: one fraction for the whole layer.
            var sourceX = first - _originX;
            var sourceY = y - _originY;
            var x0 = (int)Math.Floor(sourceX);
            var y0 = (int)Math.Floor(sourceY);
            var fx = (int)Math.Round((sourceX - x0) * 256);
            var fy = (int)Math.Round((sourceY - y0) * 256);
            (x0, fx) = fx == 256 ? (x0 + 1, 0) : (x0, fx);
            (y0, fy) = fy == 256 ? (y0 + 1, 0) : (y0, fy);
            if (fx == 0 && fy == 0 && x0 >= 0 && y0 >= 0 && x0 + run.Length <= image.Width && y0 < image.Height)
            {
                // On whole pixels: blend straight from the picture's row.
                Blend(run, image.Row(y0).Slice(x0, run.Length), mode);
                return;
            }
            Span<uint> samples = stackalloc uint[ChunkPixels];
            for (var offset = 0; offset < run.Length; offset += ChunkPixels)
            {
                var count = Math.Min(ChunkPixels, run.Length - offset);
                RasterSampling.Translated(image, x0 + offset, fx, y0, fy, samples[..count]);
                Blend(run.Slice(offset, count), samples[..count], mode);
            }
            return;
        }
        Span<uint> along = stackalloc uint[ChunkPixels];
        for (var offset = 0; offset < run.Length; offset += ChunkPixels)
        {
            var count = Math.Min(ChunkPixels, run.Length - offset);
            var x = first + offset;
            var (sx, sy) = SourceAt(qx0 + x * _cos, qy0 - x * _sin);
            RasterSampling.Along(image, _crop, sx, sy, _mirrorX * _cos * _sourceScaleX, -_mirrorY * _sin * _sourceScaleY, along[..count]);
            Blend(run.Slice(offset, count), along[..count], mode);
        }
    }

    private void Blend(Span<uint> run, ReadOnlySpan<uint> source, BlendMode mode)
    {
        if (mode == BlendMode.Plus)
        {
            RowBlending.Plus(run, source, _opacityWeight);
        }
        else if (_opaque)
        {
            source.CopyTo(run);
        }
        else
        {
            RowBlending.Over(run, source, _opacityWeight);
        }
    }

    private void DrawEdge(Span<uint> row, int y, int first, int last, double qx0, double qy0, BlendMode mode)
    {
        for (var x = first; x <= last; x++)
        {
            var qx = qx0 + x * _cos;
            var qy = qy0 - x * _sin;
            var weight = PixelMath.ToByteWeight(_box.At(qx, qy) * _opacity);
            if (weight == 0)
            {
                continue;
            }
            var pixel = PixelMath.Scale(_raster is null ? _color : Sample(qx, qy), weight);
            ref var target = ref row[x];
            target = mode == BlendMode.Over ? PixelMath.Over(target, pixel) : PixelMath.AddSaturate(target, pixel);
        }
    }

    /// <summary>The source position of box-frame point q, in source pixels (pixel centres on whole numbers).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private (double X, double Y) SourceAt(double qx, double qy) => (
        (_mirrorX * qx + _box.HalfWidth) * _sourceScaleX - 0.5 + _crop.Left,
        (_mirrorY * qy + _box.HalfHeight) * _sourceScaleY - 0.5 + _crop.Top);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint Sample(double qx, double qy)
    {
        var (sx, sy) = SourceAt(qx, qy);
        return RasterSampling.Sample(_raster!, _crop, sx, sy);
    }

    /// <summary>The x for which <c>|a + b x| &lt;= limit</c>, as a closed interval (empty when low &gt; high).</summary>
    private static (double Low, double High) Slab(double a, double b, double limit)
    {
        if (limit < 0)
        {
            return (1, 0);
        }
        if (b == 0)
        {
            return Math.Abs(a) <= limit ? (double.NegativeInfinity, double.PositiveInfinity) : (1, 0);
        }
        var one = (-limit - a) / b;
        var other = (limit - a) / b;
        return one < other ? (one, other) : (other, one);
    }

    private static (double Low, double High) Intersect((double Low, double High) a, (double Low, double High) b) =>
        (Math.Max(a.Low, b.Low), Math.Min(a.High, b.High));

    /// <summary>The x for which <c>|(a, b) + x (stepA, stepB)| &lt;= radius</c>, the step being a unit vector.</summary>
    private static (double Low, double High) Disc(double a, double b, double stepA, double stepB, double radius)
    {
        var along = a * stepA + b * stepB;
        var discriminant = along * along - (a * a + b * b - radius * radius);
        if (discriminant < 0)
        {
            return (1, 0);
        }
        var root = Math.Sqrt(discriminant);
        return (-along - root, -along + root);
    }

    /// <summary>The smallest interval holding both (either may be empty).</summary>
    private static (double Low, double High) Hull((double Low, double High) a, (double Low, double High) b)
    {
        if (b.Low > b.High)
        {
            return a;
        }
        return a.Low > a.High ? b : (Math.Min(a.Low, b.Low), Math.Max(a.High, b.High));
    }

    private static (double Low, double High) Union((double Low, double High) a, (double Low, double High) b)
    {
        var aEmpty = a.Low > a.High;
        var bEmpty = b.Low > b.High;
        if (aEmpty || bEmpty)
        {
            return aEmpty ? b : a;
        }
        if (a.Low <= b.High && b.Low <= a.High)
        {
            return (Math.Min(a.Low, b.Low), Math.Max(a.High, b.High));
        }
        return a.High - a.Low >= b.High - b.Low ? a : b;
    }
}

/// <summary>Rows of pixels addressed by frame row: the frame itself, or a band-sized scratch starting at some row.</summary>
internal readonly ref struct Canvas(Span<uint> pixels, int width, int firstRow)
{
    private readonly Span<uint> _pixels = pixels;

    public int Width { get; } = width;

    public int FirstRow { get; } = firstRow;

    public Span<uint> Row(int y) => _pixels.Slice((y - FirstRow) * Width, Width);
}
