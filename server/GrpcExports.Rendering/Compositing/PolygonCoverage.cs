namespace GrpcExports.Rendering.Compositing;

/// <summary>
/// Rasterises a simple polygon (frame pixels, any orientation) with anti-aliased edges, a row at a time. Coverage is
/// <c>0.5 - d</c> clamped to 0..1, d the signed distance from the pixel's centre to the outline (negative inside):
/// exact along straight edges up to the usual slant approximation, slightly rounded at sharp corners.
/// </summary>
/// <remarks>
/// Only pixels within half a pixel of an edge can be partly covered, and those lie under the part of an edge that
/// crosses the row's band, widened by a pixel. A row is therefore split into those few edge pixels (distance computed
/// per pixel) and runs between them that are wholly inside or outside, decided by the even-odd count of the outline's
/// crossings of the row's centre line; inside runs are blended with the vector loops.
/// </remarks>
internal sealed class PolygonCoverage
{
    private const int MaxCorners = 64;

    private readonly double[] _x, _y;

    public PolygonCoverage(IReadOnlyList<(double X, double Y)> corners)
    {
        if (corners.Count is < 3 or > MaxCorners)
        {
            throw new ArgumentOutOfRangeException(nameof(corners), corners.Count, $"An outline has 3 to {MaxCorners} corners.");
        }
        _x = [.. corners.Select(c => c.X)];
        _y = [.. corners.Select(c => c.Y)];
    }

    public double MinX => _x.Min();

    public double MaxX => _x.Max();

    public double MinY => _y.Min();

    public double MaxY => _y.Max();

    /// <summary>Blends the row's pixels <c>[left, right)</c>: <paramref name="interior"/> where covered fully, <paramref name="color"/>
    /// scaled by coverage times <paramref name="opacity"/> at the edges.</summary>
    public void DrawRow(Span<uint> row, int y, int left, int right, uint color, uint interior, double opacity, BlendMode mode)
    {
        var corners = _x.Length;
        Span<double> crossings = stackalloc double[corners];
        Span<int> edgeFrom = stackalloc int[corners];
        Span<int> edgeTo = stackalloc int[corners];
        var crossingCount = 0;
        var edgeCount = 0;
        var scan = y + 0.5;
        for (var i = 0; i < corners; i++)
        {
            var j = i + 1 == corners ? 0 : i + 1;
            double xa = _x[i], ya = _y[i], xb = _x[j], yb = _y[j];
            if (ya <= scan != yb <= scan)
            {
                crossings[crossingCount++] = xa + (scan - ya) * (xb - xa) / (yb - ya);
            }
            // The edge's part within the row's band [y, y + 1], and the pixels whose centres lie within half a pixel of it.
            var low = Math.Max(Math.Min(ya, yb), y);
            var high = Math.Min(Math.Max(ya, yb), y + 1);
            if (low > high)
            {
                continue;
            }
            double x0, x1;
            if (ya == yb)
            {
                (x0, x1) = (xa, xb);
            }
            else
            {
                x0 = xa + (low - ya) * (xb - xa) / (yb - ya);
                x1 = xa + (high - ya) * (xb - xa) / (yb - ya);
            }
            var from = (int)Math.Max(left, Math.Floor(Math.Min(x0, x1) - 1));
            var to = (int)Math.Min(right, Math.Floor(Math.Max(x0, x1)) + 1);
            if (from < to)
            {
                edgeFrom[edgeCount] = from;
                edgeTo[edgeCount++] = to;
            }
        }
        crossings[..crossingCount].Sort();
        SortByStart(edgeFrom[..edgeCount], edgeTo[..edgeCount]);

        var cursor = left;
        for (var e = 0; e < edgeCount; e++)
        {
            var from = Math.Max(cursor, edgeFrom[e]);
            var to = edgeTo[e];
            // Merge ranges that touch or overlap.
            while (e + 1 < edgeCount && edgeFrom[e + 1] <= to)
            {
                to = Math.Max(to, edgeTo[++e]);
            }
            if (from >= to)
            {
                continue;
            }
            FillRun(row, cursor, from, crossings[..crossingCount], interior, mode);
            for (var x = from; x < to; x++)
            {
                var weight = PixelMath.ToByteWeight(Coverage(x + 0.5, scan, crossings[..crossingCount]) * opacity);
                if (weight > 0)
                {
                    var pixel = PixelMath.Scale(color, weight);
                    row[x] = mode == BlendMode.Over ? PixelMath.Over(row[x], pixel) : PixelMath.AddSaturate(row[x], pixel);
                }
            }
            cursor = to;
        }
        FillRun(row, cursor, right, crossings[..crossingCount], interior, mode);
    }

    private static void FillRun(Span<uint> row, int from, int to, ReadOnlySpan<double> crossings, uint interior, BlendMode mode)
    {
        if (from >= to || !Inside(from + 0.5, crossings))
        {
            return;
        }
        if (mode == BlendMode.Over)
        {
            RowBlending.OverConstant(row[from..to], interior);
        }
        else
        {
            RowBlending.PlusConstant(row[from..to], interior);
        }
    }

    /// <summary>Even-odd: inside when an odd number of the row's crossings lie left of <paramref name="x"/>.</summary>
    private static bool Inside(double x, ReadOnlySpan<double> crossings)
    {
        var left = 0;
        while (left < crossings.Length && crossings[left] < x)
        {
            left++;
        }
        return (left & 1) == 1;
    }

    private double Coverage(double px, double py, ReadOnlySpan<double> crossings)
    {
        var nearest = double.PositiveInfinity;
        var corners = _x.Length;
        for (var i = 0; i < corners; i++)
        {
            var j = i + 1 == corners ? 0 : i + 1;
            nearest = Math.Min(nearest, SquaredDistanceToSegment(px, py, _x[i], _y[i], _x[j], _y[j]));
        }
        var distance = Math.Sqrt(nearest);
        return Math.Clamp(Inside(px, crossings) ? 0.5 + distance : 0.5 - distance, 0, 1);
    }

    private static double SquaredDistanceToSegment(double px, double py, double ax, double ay, double bx, double by)
    {
        double dx = bx - ax, dy = by - ay;
        var lengthSquared = dx * dx + dy * dy;
        var t = lengthSquared > 0 ? Math.Clamp(((px - ax) * dx + (py - ay) * dy) / lengthSquared, 0, 1) : 0;
        double ex = ax + t * dx - px, ey = ay + t * dy - py;
        return ex * ex + ey * ey;
    }

    private static void SortByStart(Span<int> starts, Span<int> ends)
    {
        for (var i = 1; i < starts.Length; i++)
        {
            for (var k = i; k > 0 && starts[k - 1] > starts[k]; k--)
            {
                (starts[k - 1], starts[k]) = (starts[k], starts[k - 1]);
                (ends[k - 1], ends[k]) = (ends[k], ends[k - 1]);
            }
        }
    }
}
