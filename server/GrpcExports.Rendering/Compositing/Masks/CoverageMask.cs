namespace GrpcExports.Rendering.Compositing.Masks;

/// <summary>
/// A shape over the frame that says, per pixel, how much of it belongs to the shape (0..1, anti-aliased at the edge):
/// the region a transition shows its incoming clip in (wipe, iris, clock-wipe).
/// </summary>
/// <remarks>
/// Rows are filled with analytic runs (whole runs of 0 or 1 written with vector fills) and only the pixels near the
/// edge computed one by one, so a mask costs about a memory fill per row. Each weight is a byte 0..255 repeated in the
/// four bytes of a <see cref="uint"/>, lined up with the RGBA bytes of the pixels it weighs.
/// </remarks>
public abstract class CoverageMask
{
    private protected CoverageMask()
    {
    }

    /// <summary>Writes the weights of pixels <c>(left + i, y)</c> for every i of <paramref name="weights"/>.</summary>
    internal abstract void FillRow(int y, int left, Span<uint> weights);

    internal static uint Weight(double coverage) => (uint)PixelMath.ToByteWeight(coverage) * 0x01010101u;

    internal const uint Full = 0xFFFFFFFFu;
}
