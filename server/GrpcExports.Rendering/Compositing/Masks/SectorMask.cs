using System.Buffers;
using System.Runtime.Intrinsics;

namespace GrpcExports.Rendering.Compositing.Masks;

/// <summary>
/// The sweep of a clock hand about (cx, cy): the points whose angle, measured clockwise on screen from 12 o'clock, is
/// below <see cref="SweepRadians"/>. A sweep is two half-planes through the centre: the right half (angles [0, π)) and
/// the half whose angles are [θ - π, θ); it is their intersection up to half a turn and their union beyond, so coverage
/// is the minimum or the maximum of theirs.
/// </summary>
public sealed class SectorMask : CoverageMask
{
    private readonly HalfPlaneMask _rightHalf;
    private readonly HalfPlaneMask _trailingHalf;
    private readonly bool _union;

    public SectorMask(double centerX, double centerY, double sweepRadians)
    {
        SweepRadians = Math.Clamp(sweepRadians, 0, 2 * Math.PI);
        // A point at clockwise angle a from 12 o'clock lies in direction (sin a, -cos a); the half-plane of angles
        // [φ, φ + π) is where (cos φ, sin φ) · (p - c) >= 0.
        _rightHalf = Half(centerX, centerY, 0);
        _trailingHalf = Half(centerX, centerY, SweepRadians - Math.PI);
        _union = SweepRadians > Math.PI;
    }

    public double SweepRadians { get; }

    internal override void FillRow(int y, int left, Span<uint> weights)
    {
        if (SweepRadians <= 0 || SweepRadians >= 2 * Math.PI)
        {
            weights.Fill(SweepRadians <= 0 ? 0 : Full);
            return;
        }
        _rightHalf.FillRow(y, left, weights);
        var rented = ArrayPool<uint>.Shared.Rent(weights.Length);
        try
        {
            var other = rented.AsSpan(0, weights.Length);
            _trailingHalf.FillRow(y, left, other);
            Combine(weights, other, _union);
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(rented);
        }
    }

    private static HalfPlaneMask Half(double centerX, double centerY, double fromAngle)
    {
        var (sin, cos) = Math.SinCos(fromAngle);
        return new HalfPlaneMask(-cos, -sin, -(cos * centerX + sin * centerY));
    }

    private static void Combine(Span<uint> weights, ReadOnlySpan<uint> other, bool union)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= weights.Length - Vector256<uint>.Count; i += Vector256<uint>.Count)
            {
                var a = Vector256.Create<uint>(weights[i..]).AsByte();
                var b = Vector256.Create<uint>(other[i..]).AsByte();
                (union ? Vector256.Max(a, b) : Vector256.Min(a, b)).AsUInt32().CopyTo(weights[i..]);
            }
        }
        for (; i < weights.Length; i++)
        {
            weights[i] = union ? Math.Max(weights[i], other[i]) : Math.Min(weights[i], other[i]);
        }
    }
}
