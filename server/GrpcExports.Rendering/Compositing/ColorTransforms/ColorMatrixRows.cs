using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GrpcExports.Rendering.Compositing.ColorTransforms;

/// <summary>
/// Applies a <see cref="ColorMatrix"/> in place to a run of premultiplied pixels, eight at a time in 256-bit float
/// vectors (channels split into lanes, transformed, clamped to 0..alpha, rounded, packed back); the scalar path
/// finishes the tail with the same arithmetic in the same order, so both give identical pixels.
/// </summary>
internal static class ColorMatrixRows
{
    private const int PixelsPerVector = 8;

    public static void Apply(Span<uint> row, ColorMatrix matrix)
    {
        var (red, green, blue) = (matrix.Red, matrix.Green, matrix.Blue);
        var i = 0;
        if (Vector256.IsHardwareAccelerated && row.Length >= PixelsPerVector)
        {
            ref var start = ref MemoryMarshal.GetReference(row);
            var bytes = Vector256.Create(0xFFu);
            var alphaBits = Vector256.Create(0xFF000000u);
            var zero = Vector256<float>.Zero;
            var half = Vector256.Create(0.5f);
            for (; i <= row.Length - PixelsPerVector; i += PixelsPerVector)
            {
                var pixels = Vector256.LoadUnsafe(ref start, (nuint)i);
                var r = Vector256.ConvertToSingle((pixels & bytes).AsInt32());
                var g = Vector256.ConvertToSingle(((pixels >> 8) & bytes).AsInt32());
                var b = Vector256.ConvertToSingle(((pixels >> 16) & bytes).AsInt32());
                var a = Vector256.ConvertToSingle((pixels >> 24).AsInt32());
                var outR = Channel(red, r, g, b, a, zero, half);
                var outG = Channel(green, r, g, b, a, zero, half);
                var outB = Channel(blue, r, g, b, a, zero, half);
                (outR | (outG << 8) | (outB << 16) | (pixels & alphaBits)).StoreUnsafe(ref start, (nuint)i);
            }
        }
        for (; i < row.Length; i++)
        {
            var pixel = row[i];
            float r = pixel & 0xFF, g = (pixel >> 8) & 0xFF, b = (pixel >> 16) & 0xFF, a = pixel >> 24;
            row[i] = Channel(red, r, g, b, a) | (Channel(green, r, g, b, a) << 8) | (Channel(blue, r, g, b, a) << 16)
                | (pixel & 0xFF000000u);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Channel(ColorMatrixRow row, Vector256<float> r, Vector256<float> g, Vector256<float> b,
        Vector256<float> a, Vector256<float> zero, Vector256<float> half)
    {
        var value = r * Vector256.Create(row.R) + g * Vector256.Create(row.G) + b * Vector256.Create(row.B)
            + a * Vector256.Create(row.Offset / 255f);
        value = Vector256.Min(Vector256.Max(value, zero), a);
        return Vector256.ConvertToInt32(value + half).AsUInt32();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Channel(ColorMatrixRow row, float r, float g, float b, float a)
    {
        var value = r * row.R + g * row.G + b * row.B + a * (row.Offset / 255f);
        value = Math.Min(Math.Max(value, 0f), a);
        return (uint)(int)(value + 0.5f);
    }
}
