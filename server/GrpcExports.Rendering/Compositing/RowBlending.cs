using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GrpcExports.Rendering.Compositing;

/// <summary>
/// The compositor's inner loops over a run of premultiplied RGBA8 pixels, eight at a time with 256-bit vectors: bytes
/// are widened to 16-bit lanes, multiplied, divided by 255 with exact rounding, and narrowed back. The scalar
/// <see cref="PixelMath"/> finishes the tail and is the fallback where 256-bit vectors are not accelerated; both give
/// identical results.
/// </summary>
internal static class RowBlending
{
    private const int PixelsPerVector = 8;

    /// <summary>A constant (already opacity-scaled) source over every pixel of the run.</summary>
    public static void OverConstant(Span<uint> row, uint source)
    {
        var alpha = (int)(source >> 24);
        if (alpha == 255)
        {
            row.Fill(source);
            return;
        }
        if (source == 0)
        {
            return;
        }
        var i = 0;
        if (Vector256.IsHardwareAccelerated && row.Length >= PixelsPerVector)
        {
            ref var start = ref MemoryMarshal.GetReference(row);
            var sourceBytes = Vector256.Create(source).AsByte();
            var inverse = Vector256.Create((ushort)(255 - alpha));
            for (; i <= row.Length - PixelsPerVector; i += PixelsPerVector)
            {
                var (low, high) = Vector256.Widen(Vector256.LoadUnsafe(ref start, (nuint)i).AsByte());
                var kept = Vector256.Narrow(Divide255(low * inverse), Divide255(high * inverse));
                Vector256.AddSaturate(kept, sourceBytes).AsUInt32().StoreUnsafe(ref start, (nuint)i);
            }
        }
        for (; i < row.Length; i++)
        {
            row[i] = PixelMath.Over(row[i], source);
        }
    }

    /// <summary>A constant (already weighted) source added to every pixel of the run, saturating.</summary>
    public static void PlusConstant(Span<uint> row, uint source)
    {
        if (source == 0)
        {
            return;
        }
        var i = 0;
        if (Vector256.IsHardwareAccelerated && row.Length >= PixelsPerVector)
        {
            ref var start = ref MemoryMarshal.GetReference(row);
            var sourceBytes = Vector256.Create(source).AsByte();
            for (; i <= row.Length - PixelsPerVector; i += PixelsPerVector)
            {
                Vector256.AddSaturate(Vector256.LoadUnsafe(ref start, (nuint)i).AsByte(), sourceBytes).AsUInt32()
                    .StoreUnsafe(ref start, (nuint)i);
            }
        }
        for (; i < row.Length; i++)
        {
            row[i] = PixelMath.AddSaturate(row[i], source);
        }
    }

    /// <summary>Each source pixel, times <paramref name="weight"/>/255, over the destination pixel.</summary>
    public static void Over(Span<uint> destination, ReadOnlySpan<uint> source, int weight)
    {
        if (weight <= 0)
        {
            return;
        }
        var length = Math.Min(destination.Length, source.Length);
        var i = 0;
        if (Vector256.IsHardwareAccelerated && length >= PixelsPerVector)
        {
            ref var to = ref MemoryMarshal.GetReference(destination);
            ref var from = ref MemoryMarshal.GetReference(source);
            var factor = Vector256.Create((ushort)weight);
            var max = Vector256.Create((ushort)255);
            var alphaIndices = AlphaIndices();
            var alphaMask = Vector256.Create(0xFF000000u);
            for (; i <= length - PixelsPerVector; i += PixelsPerVector)
            {
                var sourcePixels = Vector256.LoadUnsafe(ref from, (nuint)i);
                if (weight == 255 && Vector256.EqualsAll(sourcePixels & alphaMask, alphaMask))
                {
                    // Eight opaque pixels at full weight replace what is below.
                    sourcePixels.StoreUnsafe(ref to, (nuint)i);
                    continue;
                }
                var (sourceLow, sourceHigh) = Vector256.Widen(sourcePixels.AsByte());
                if (weight != 255)
                {
                    sourceLow = Divide255(sourceLow * factor);
                    sourceHigh = Divide255(sourceHigh * factor);
                }
                var inverseLow = max - Vector256.Shuffle(sourceLow, alphaIndices);
                var inverseHigh = max - Vector256.Shuffle(sourceHigh, alphaIndices);
                var (low, high) = Vector256.Widen(Vector256.LoadUnsafe(ref to, (nuint)i).AsByte());
                low = Vector256.Min(Divide255(low * inverseLow) + sourceLow, max);
                high = Vector256.Min(Divide255(high * inverseHigh) + sourceHigh, max);
                Vector256.Narrow(low, high).AsUInt32().StoreUnsafe(ref to, (nuint)i);
            }
        }
        for (; i < length; i++)
        {
            var pixel = weight == 255 ? source[i] : PixelMath.Scale(source[i], weight);
            destination[i] = PixelMath.Over(destination[i], pixel);
        }
    }

    /// <summary>Each source pixel, times <paramref name="weight"/>/255, added to the destination pixel, saturating.</summary>
    public static void Plus(Span<uint> destination, ReadOnlySpan<uint> source, int weight)
    {
        if (weight <= 0)
        {
            return;
        }
        var length = Math.Min(destination.Length, source.Length);
        var i = 0;
        if (Vector256.IsHardwareAccelerated && length >= PixelsPerVector)
        {
            ref var to = ref MemoryMarshal.GetReference(destination);
            ref var from = ref MemoryMarshal.GetReference(source);
            var factor = Vector256.Create((ushort)weight);
            for (; i <= length - PixelsPerVector; i += PixelsPerVector)
            {
                var sourceBytes = Vector256.LoadUnsafe(ref from, (nuint)i).AsByte();
                if (weight != 255)
                {
                    var (low, high) = Vector256.Widen(sourceBytes);
                    sourceBytes = Vector256.Narrow(Divide255(low * factor), Divide255(high * factor));
                }
                Vector256.AddSaturate(Vector256.LoadUnsafe(ref to, (nuint)i).AsByte(), sourceBytes).AsUInt32()
                    .StoreUnsafe(ref to, (nuint)i);
            }
        }
        for (; i < length; i++)
        {
            var pixel = weight == 255 ? source[i] : PixelMath.Scale(source[i], weight);
            destination[i] = PixelMath.AddSaturate(destination[i], pixel);
        }
    }

    /// <summary>
    /// <c>outgoing * (1 - m) + incoming * m</c> per pixel into <paramref name="outgoing"/>, m being the pixel's mask weight
    /// (a byte repeated in all four, see <see cref="Masks.CoverageMask"/>).
    /// </summary>
    public static void MixByMask(Span<uint> outgoing, ReadOnlySpan<uint> incoming, ReadOnlySpan<uint> mask)
    {
        var length = Math.Min(outgoing.Length, Math.Min(incoming.Length, mask.Length));
        var i = 0;
        if (Vector256.IsHardwareAccelerated && length >= PixelsPerVector)
        {
            ref var to = ref MemoryMarshal.GetReference(outgoing);
            ref var from = ref MemoryMarshal.GetReference(incoming);
            ref var weights = ref MemoryMarshal.GetReference(mask);
            var max = Vector256.Create((ushort)255);
            for (; i <= length - PixelsPerVector; i += PixelsPerVector)
            {
                var (maskLow, maskHigh) = Vector256.Widen(Vector256.LoadUnsafe(ref weights, (nuint)i).AsByte());
                var (outLow, outHigh) = Vector256.Widen(Vector256.LoadUnsafe(ref to, (nuint)i).AsByte());
                var (inLow, inHigh) = Vector256.Widen(Vector256.LoadUnsafe(ref from, (nuint)i).AsByte());
                var kept = Vector256.Narrow(Divide255(outLow * (max - maskLow)), Divide255(outHigh * (max - maskHigh)));
                var added = Vector256.Narrow(Divide255(inLow * maskLow), Divide255(inHigh * maskHigh));
                Vector256.AddSaturate(kept, added).AsUInt32().StoreUnsafe(ref to, (nuint)i);
            }
        }
        for (; i < length; i++)
        {
            var weight = (int)(mask[i] & 0xFF);
            outgoing[i] = PixelMath.AddSaturate(PixelMath.Scale(outgoing[i], 255 - weight), PixelMath.Scale(incoming[i], weight));
        }
    }

    /// <summary><c>round(x / 255)</c> for x in 0..65025, exactly: <c>(t + (t >> 8)) >> 8</c> with <c>t = x + 128</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ushort> Divide255(Vector256<ushort> x)
    {
        var t = x + Vector256.Create((ushort)128);
        return (t + (t >> 8)) >> 8;
    }

    /// <summary>Lane indices that copy each pixel's alpha (lane 3 of 4) into its four lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ushort> AlphaIndices() =>
        Vector256.Create((ushort)3, 3, 3, 3, 7, 7, 7, 7, 11, 11, 11, 11, 15, 15, 15, 15);
}
