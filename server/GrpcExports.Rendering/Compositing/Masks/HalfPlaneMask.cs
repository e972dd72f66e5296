namespace GrpcExports.Rendering.Compositing.Masks;

/// <summary>
/// The points <c>p</c> of the frame with <c>normal · p &lt; offset</c> (frame pixels; the normal need not be a unit
/// vector). Coverage is <c>0.5 - d</c> clamped to 0..1, d the signed distance from the pixel's centre to the line:
/// exact for a vertical or horizontal edge, the usual close approximation for a slanted one.
/// </summary>
public sealed class HalfPlaneMask : CoverageMask
{
    private readonly double _normalX, _normalY, _offset;

    public HalfPlaneMask(double normalX, double normalY, double offset)
    {
        var length = Math.Sqrt(normalX * normalX + normalY * normalY);
        if (!(length > 0) || !double.IsFinite(offset))
        {
            throw new ArgumentException("A half-plane needs a non-zero normal and a finite offset.");
        }
        (_normalX, _normalY, _offset) = (normalX / length, normalY / length, offset / length);
    }

    internal override void FillRow(int y, int left, Span<uint> weights)
    {
        // The signed distance along the row: d(x) = start + slope * x, x counted from left.
        var start = _normalX * (left + 0.5) + _normalY * (y + 0.5) - _offset;
        FillLinear(weights, start, _normalX);
    }

    /// <summary>Coverage <c>0.5 - (start + slope * i)</c>: whole runs where it is 0 or 1, per pixel between.</summary>
    internal static void FillLinear(Span<uint> weights, double start, double slope)
    {
        var count = weights.Length;
        if (slope == 0)
        {
            weights.Fill(Weight(0.5 - start));
            return;
        }
        // Full where d <= -0.5, empty where d >= 0.5.
        var full = (-0.5 - start) / slope;
        var empty = (0.5 - start) / slope;
        int fullFrom, fullTo, emptyFrom, emptyTo;
        if (slope > 0)
        {
            (fullFrom, fullTo) = (0, Clip(Math.Floor(full) + 1, count));
            (emptyFrom, emptyTo) = (Math.Max(fullTo, Clip(Math.Ceiling(empty), count)), count);
        }
        else
        {
            (emptyFrom, emptyTo) = (0, Clip(Math.Floor(empty) + 1, count));
            (fullFrom, fullTo) = (Math.Max(emptyTo, Clip(Math.Ceiling(full), count)), count);
        }
        weights[fullFrom..fullTo].Fill(Full);
        weights[emptyFrom..emptyTo].Clear();
        var (edgeFrom, edgeTo) = slope > 0 ? (fullTo, emptyFrom) : (emptyTo, fullFrom);
        for (var i = edgeFrom; i < edgeTo; i++)
        {
            weights[i] = Weight(0.5 - (start + slope * i));
        }
    }

    private static int Clip(double index, int count) => (int)Math.Clamp(index, 0, count);
}
