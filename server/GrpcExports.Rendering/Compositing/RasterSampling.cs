using GrpcExports.Rendering.Assets;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GrpcExports.Rendering.Compositing;

/// <summary>
/// Bilinear sampling of a <see cref="RasterImage"/> into a run of pixels, with 8-bit weights and the rounding
/// <c>(a (256 - f) + b f + 128) >> 8</c> per channel, horizontally then vertically, edges clamped. Every path gives the
/// same pixels as <see cref="Sample"/>.
/// </summary>
internal static class RasterSampling
{
    private const int PixelsPerVector = 8;

    /// <summary>One sample at source position (sx, sy), in source pixels where pixel centres are whole numbers; the
    /// picture's edges are those of <paramref name="crop"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Sample(RasterImage image, PixelCrop crop, double sx, double sy)
    {
        sx = Math.Clamp(sx, crop.Left, image.Width - 1 - crop.Right);
        sy = Math.Clamp(sy, crop.Top, image.Height - 1 - crop.Bottom);
        var x0 = (int)sx;
        var y0 = (int)sy;
        return Bilinear(image, x0, y0, (int)((sx - x0) * 256 + 0.5), (int)((sy - y0) * 256 + 0.5));
    }

    /// <summary>
    /// Samples a run where source x is <c>x0 + i + fx/256</c> and source y is <c>y0 + fy/256</c> for output i: a picture
    /// moved by a fraction of a pixel. Whole vectors where both neighbours are inside the picture, clamped scalars at
    /// its edges.
    /// </summary>
    public static void Translated(RasterImage image, int x0, int fx, int y0, int fy, Span<uint> output)
    {
        if (y0 < 0)
        {
            (y0, fy) = (0, 0);
        }
        if (y0 >= image.Height - 1)
        {
            (y0, fy) = (image.Height - 1, 0);
        }
        var pixels = image.Array;
        var width = image.Width;
        var top = pixels.AsSpan(y0 * width, width);
        var bottom = pixels.AsSpan(Math.Min(y0 + 1, image.Height - 1) * width, width);
        var i = 0;
        // Scalar until both neighbours are inside the picture.
        for (; i < output.Length && x0 + i < 0; i++)
        {
            output[i] = Bilinear(image, 0, y0, 0, fy);
        }
        if (Vector256.IsHardwareAccelerated)
        {
            ref var topStart = ref MemoryMarshal.GetReference(top);
            ref var bottomStart = ref MemoryMarshal.GetReference(bottom);
            ref var outputStart = ref MemoryMarshal.GetReference(output);
            var weightRight = Vector256.Create((ushort)fx);
            var weightLeft = Vector256.Create((ushort)(256 - fx));
            var weightDown = Vector256.Create((ushort)fy);
            var weightUp = Vector256.Create((ushort)(256 - fy));
            var half = Vector256.Create((ushort)128);
            // The vector reads source pixels x0 + i .. x0 + i + 8.
            for (; i <= output.Length - PixelsPerVector && x0 + i + PixelsPerVector < width; i += PixelsPerVector)
            {
                var at = (nuint)(x0 + i);
                var (a0, a1) = Vector256.Widen(Vector256.LoadUnsafe(ref topStart, at).AsByte());
                var (b0, b1) = Vector256.Widen(Vector256.LoadUnsafe(ref topStart, at + 1).AsByte());
                var (c0, c1) = Vector256.Widen(Vector256.LoadUnsafe(ref bottomStart, at).AsByte());
                var (d0, d1) = Vector256.Widen(Vector256.LoadUnsafe(ref bottomStart, at + 1).AsByte());
                var upper0 = (a0 * weightLeft + b0 * weightRight + half) >> 8;
                var upper1 = (a1 * weightLeft + b1 * weightRight + half) >> 8;
                var lower0 = (c0 * weightLeft + d0 * weightRight + half) >> 8;
                var lower1 = (c1 * weightLeft + d1 * weightRight + half) >> 8;
                var result0 = (upper0 * weightUp + lower0 * weightDown + half) >> 8;
                var result1 = (upper1 * weightUp + lower1 * weightDown + half) >> 8;
                Vector256.Narrow(result0, result1).AsUInt32().StoreUnsafe(ref outputStart, (nuint)i);
            }
        }
        for (; i < output.Length; i++)
        {
            var x = x0 + i;
            output[i] = x >= width - 1 ? Bilinear(image, width - 1, y0, 0, fy) : Bilinear(image, x, y0, fx, fy);
        }
    }

    /// <summary>
    /// Samples a run along a line through the picture: source (sx, sy) + i (dx, dy) for output i (rotation, scale,
    /// mirror), clamped to the edges of <paramref name="crop"/>. Fixed point 32.32, so stepping along a 4K row drifts by
    /// less than a billionth of a pixel.
    /// </summary>
    public static unsafe void Along(RasterImage image, PixelCrop crop, double sx, double sy, double dx, double dy, Span<uint> output)
    {
        const double One = 4294967296.0; // 2^32
        const long Half = 1L << 23;      // rounds the fraction to 8 bits
        var width = image.Width;
        var height = image.Height;
        var (minX, minY) = ((long)crop.Left << 32, (long)crop.Top << 32);
        var maxX = (long)(width - 1 - crop.Right) << 32;
        var maxY = (long)(height - 1 - crop.Bottom) << 32;
        var x = (long)Math.Round(sx * One);
        var y = (long)Math.Round(sy * One);
        var stepX = (long)Math.Round(dx * One);
        var stepY = (long)Math.Round(dy * One);
        fixed (uint* pixels = image.Array)
        fixed (uint* outputStart = output)
        {
            for (var i = 0; i < output.Length; i++, x += stepX, y += stepY)
            {
                var cx = Math.Clamp(x, minX, maxX) + Half;
                var cy = Math.Clamp(y, minY, maxY) + Half;
                var ix = (int)(cx >> 32);
                var iy = (int)(cy >> 32);
                var fx = (uint)(cx >> 24) & 0xFF;
                var fy = (uint)(cy >> 24) & 0xFF;
                // Rounding up to the next whole pixel shows as ix + 1 with fx = 0; at the last column or row there is
                // no neighbour to read, and the weight on it is 0 anyway.
                var right = ix < width - 1 ? 1 : 0;
                var down = iy < height - 1 ? width : 0;
                var row = pixels + (nint)iy * width + ix;
                var upper = Lerp(row[0], row[right], fx);
                var lower = Lerp(row[down], row[down + right], fx);
                outputStart[i] = Lerp(upper, lower, fy);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Bilinear(RasterImage image, int x0, int y0, int fx, int fy)
    {
        if (fx >= 256)
        {
            (x0, fx) = (x0 + 1, 0);
        }
        if (fy >= 256)
        {
            (y0, fy) = (y0 + 1, 0);
        }
        var width = image.Width;
        x0 = Math.Min(x0, width - 1);
        y0 = Math.Min(y0, image.Height - 1);
        var x1 = Math.Min(x0 + 1, width - 1);
        var y1 = Math.Min(y0 + 1, image.Height - 1);
        var pixels = image.Array;
        var upper = Lerp(pixels[y0 * width + x0], pixels[y0 * width + x1], (uint)fx);
        var lower = Lerp(pixels[y1 * width + x0], pixels[y1 * width + x1], (uint)fx);
        return Lerp(upper, lower, (uint)fy);
    }

    /// <summary>Per channel <c>(a (256 - f) + b f + 128) >> 8</c> for f in 0..255, two channels per 32-bit lane pair.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Lerp(uint a, uint b, uint f)
    {
        var g = 256 - f;
        var redBlue = (((a & 0x00FF00FFu) * g + (b & 0x00FF00FFu) * f + 0x00800080u) >> 8) & 0x00FF00FFu;
        var greenAlpha = (((a >> 8) & 0x00FF00FFu) * g + ((b >> 8) & 0x00FF00FFu) * f + 0x00800080u) & 0xFF00FF00u;
        return redBlue | greenAlpha;
    }
}
