using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GrpcExports.Rendering.Compositing.Blurring;

/// <summary>
/// A box blur of a region of a premultiplied frame, in place: every pixel becomes the mean of the
/// <c>(2r + 1) x (2r + 1)</c> square around it, the region's edge pixels repeating beyond it (so nothing outside the
/// region bleeds in and its borders do not darken). A hard edge becomes a linear ramp <c>2r + 1</c> pixels wide.
/// </summary>
/// <remarks>
/// Separable, with running sums, so the cost does not grow with the radius: a horizontal pass from the frame into a
/// scratch (rows shared out over the cores, one pixel's four channels per 128-bit vector), then a vertical pass back
/// into the frame (stripes of columns shared out over the cores, 32 channels at a time in 256-bit vectors).
/// </remarks>
internal static class BoxBlur
{
    private const int RowsPerTask = 16;
    private const int ColumnsPerStripe = 64;
    private const int ChannelsPerVector = 32;

    /// <param name="scratch">At least <c>region.Width * region.Height</c> pixels.</param>
    public static void Apply(uint[] frame, int frameWidth, PixelRegion region, int radius, uint[] scratch, ParallelOptions parallel)
    {
        if (radius <= 0 || region.IsEmpty)
        {
            return;
        }
        var (width, height) = (region.Width, region.Height);
        var inverse = 1f / (2 * radius + 1);
        Parallel.For(0, (height + RowsPerTask - 1) / RowsPerTask, parallel, task =>
        {
            for (var y = task * RowsPerTask; y < Math.Min(height, (task + 1) * RowsPerTask); y++)
            {
                BlurRow(frame.AsSpan((region.Top + y) * frameWidth + region.Left, width), scratch.AsSpan(y * width, width), radius, inverse);
            }
        });
        Parallel.For(0, (width + ColumnsPerStripe - 1) / ColumnsPerStripe, parallel, stripe =>
        {
            var from = stripe * ColumnsPerStripe;
            BlurColumns(scratch, width, height, from, Math.Min(width, from + ColumnsPerStripe), frame, frameWidth, region, radius, inverse);
        });
    }

    private static void BlurRow(ReadOnlySpan<uint> source, Span<uint> target, int radius, float inverse)
    {
        var last = source.Length - 1;
        var sum = Channels(source[0]) * (radius + 1);
        for (var k = 1; k <= radius; k++)
        {
            sum += Channels(source[Math.Min(k, last)]);
        }
        var scale = Vector128.Create(inverse);
        for (var x = 0; x <= last; x++)
        {
            var mean = Vector128.ConvertToInt32(Vector128.ConvertToSingle(sum) * scale + Vector128.Create(0.5f)).AsUInt32();
            target[x] = mean.GetElement(0) | (mean.GetElement(1) << 8) | (mean.GetElement(2) << 16) | (mean.GetElement(3) << 24);
            sum += Channels(source[Math.Min(x + radius + 1, last)]) - Channels(source[Math.Max(x - radius, 0)]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<int> Channels(uint pixel) =>
        Vector128.WidenLower(Vector128.WidenLower(Vector128.CreateScalarUnsafe(pixel).AsByte())).AsInt32();

    /// <summary>Columns <c>[from, to)</c> of the horizontally blurred scratch, blurred vertically into the frame.</summary>
    private static void BlurColumns(uint[] scratch, int width, int height, int from, int to, uint[] frame, int frameWidth,
        PixelRegion region, int radius, float inverse)
    {
        var channels = (to - from) * 4;
        Span<int> sums = stackalloc int[ColumnsPerStripe * 4];
        sums = sums[..channels];
        var last = height - 1;
        var first = Row(0);
        for (var j = 0; j < channels; j++)
        {
            sums[j] = first[j] * (radius + 1);
        }
        for (var k = 1; k <= radius; k++)
        {
            var row = Row(Math.Min(k, last));
            for (var j = 0; j < channels; j++)
            {
                sums[j] += row[j];
            }
        }
        for (var y = 0; y < height; y++)
        {
            var target = MemoryMarshal.AsBytes(frame.AsSpan((region.Top + y) * frameWidth + region.Left + from, to - from));
            MeanAndSlide(sums, target, Row(Math.Min(y + radius + 1, last)), Row(Math.Max(y - radius, 0)), inverse);
        }

        ReadOnlySpan<byte> Row(int y) => MemoryMarshal.AsBytes(scratch.AsSpan(y * width + from, to - from));
    }

    /// <summary>Writes each channel's mean, then slides the window down a row: adds <paramref name="entering"/>, removes
    /// <paramref name="leaving"/>.</summary>
    private static void MeanAndSlide(Span<int> sums, Span<byte> target, ReadOnlySpan<byte> entering, ReadOnlySpan<byte> leaving, float inverse)
    {
        var j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var sum = ref MemoryMarshal.GetReference(sums);
            var scale = Vector256.Create(inverse);
            var half = Vector256.Create(0.5f);
            for (; j <= sums.Length - ChannelsPerVector; j += ChannelsPerVector)
            {
                var s0 = Vector256.LoadUnsafe(ref sum, (nuint)j);
                var s1 = Vector256.LoadUnsafe(ref sum, (nuint)j + 8);
                var s2 = Vector256.LoadUnsafe(ref sum, (nuint)j + 16);
                var s3 = Vector256.LoadUnsafe(ref sum, (nuint)j + 24);
                var low = Vector256.Narrow(Mean(s0, scale, half), Mean(s1, scale, half));
                var high = Vector256.Narrow(Mean(s2, scale, half), Mean(s3, scale, half));
                Vector256.Narrow(low, high).StoreUnsafe(ref MemoryMarshal.GetReference(target), (nuint)j);
                var (in0, in1, in2, in3) = Widen(entering, j);
                var (out0, out1, out2, out3) = Widen(leaving, j);
                (s0 + in0 - out0).StoreUnsafe(ref sum, (nuint)j);
                (s1 + in1 - out1).StoreUnsafe(ref sum, (nuint)j + 8);
                (s2 + in2 - out2).StoreUnsafe(ref sum, (nuint)j + 16);
                (s3 + in3 - out3).StoreUnsafe(ref sum, (nuint)j + 24);
            }
        }
        for (; j < sums.Length; j++)
        {
            target[j] = (byte)(int)(sums[j] * inverse + 0.5f);
            sums[j] += entering[j] - leaving[j];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Mean(Vector256<int> sum, Vector256<float> scale, Vector256<float> half) =>
        Vector256.ConvertToInt32(Vector256.ConvertToSingle(sum) * scale + half).AsUInt32();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<int>, Vector256<int>, Vector256<int>, Vector256<int>) Widen(ReadOnlySpan<byte> bytes, int offset)
    {
        var (low, high) = Vector256.Widen(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(bytes), (nuint)offset));
        var (a, b) = Vector256.Widen(low);
        var (c, d) = Vector256.Widen(high);
        return (a.AsInt32(), b.AsInt32(), c.AsInt32(), d.AsInt32());
    }
}
