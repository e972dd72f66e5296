namespace GrpcExports.Rendering.Compositing.ColorTransforms;

/// <summary>
/// An affine colour transform on straight RGB in 0..255: each output channel is <c>r R + g G + b B + offset</c> of its
/// row, clamped to 0..255. Alpha is kept.
/// </summary>
/// <remarks>
/// On premultiplied pixels the offset is scaled by the pixel's alpha and the result clamped to 0..alpha, which gives
/// exactly the straight-colour result premultiplied: no pixel is unpremultiplied.
/// </remarks>
public sealed record ColorMatrix(ColorMatrixRow Red, ColorMatrixRow Green, ColorMatrixRow Blue)
{
    public static ColorMatrix Identity { get; } = new(new(1, 0, 0, 0), new(0, 1, 0, 0), new(0, 0, 1, 0));

    /// <summary>
    /// The transform applied by <paramref name="amount"/> (0..1): <c>(1 - amount) c + amount (M c + o)</c>, so 0 is the
    /// identity and 1 this transform.
    /// </summary>
    public ColorMatrix Applied(double amount)
    {
        var k = (float)Math.Clamp(amount, 0, 1);
        return new(Mix(Identity.Red, Red, k), Mix(Identity.Green, Green, k), Mix(Identity.Blue, Blue, k));

        static ColorMatrixRow Mix(ColorMatrixRow from, ColorMatrixRow to, float k) => new(
            from.R + (to.R - from.R) * k, from.G + (to.G - from.G) * k, from.B + (to.B - from.B) * k, to.Offset * k);
    }

    public bool IsIdentity => this == Identity;
}

/// <summary>One output channel of a <see cref="ColorMatrix"/>: the weights of R, G and B and an offset in 0..255 units.</summary>
public readonly record struct ColorMatrixRow(float R, float G, float B, float Offset);
