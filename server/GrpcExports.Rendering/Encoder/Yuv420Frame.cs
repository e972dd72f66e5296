using GrpcExports.Rendering.Compositing;

namespace GrpcExports.Rendering.Encoder;

/// <summary>
/// A composed frame as planar yuv420p bytes (the Y plane, then U and V at half width and height), the format the
/// encoders take. The matrix is ffmpeg's for untagged RGB (BT.601, limited range 16..235/240), so the picture matches
/// what ffmpeg's own conversion made of the RGBA frame; chroma is the mean of each 2x2 block. Premultiplied colour is
/// used as it is: it is the frame over black, which is what a format without transparency shows.
/// </summary>
internal sealed class Yuv420Frame
{
    /// <summary>Rows converted per parallel step (an even number, so every chroma row belongs to one step).</summary>
    private const int RowsPerStep = 32;

    // BT.601 limited range, 16-bit fixed point.
    private const int YR = 16829, YG = 33039, YB = 6416;
    private const int UR = -9714, UG = -19070, UB = 28784;
    private const int VR = 28784, VG = -24103, VB = -4681;

    private readonly byte[] _bytes;

    public Yuv420Frame(int width, int height)
    {
        if (width % 2 != 0 || height % 2 != 0)
        {
            throw new ArgumentException($"yuv420p needs even sides; the frame is {width}x{height}.");
        }
        Width = width;
        Height = height;
        _bytes = GC.AllocateUninitializedArray<byte>(width * height * 3 / 2);
    }

    public int Width { get; }

    public int Height { get; }

    public ReadOnlyMemory<byte> Memory => _bytes;

    /// <summary>Converts <paramref name="frame"/> (of this size), its bands spread over the cores.</summary>
    public void Fill(FrameBuffer frame)
    {
        if (frame.Width != Width || frame.Height != Height)
        {
            throw new ArgumentException($"The frame is {frame.Width}x{frame.Height}, not {Width}x{Height}.", nameof(frame));
        }
        var steps = (Height + RowsPerStep - 1) / RowsPerStep;
        Parallel.For(0, steps, step => ConvertRows(frame.Array, step * RowsPerStep, Math.Min(Height, (step + 1) * RowsPerStep)));
    }

    private void ConvertRows(uint[] pixels, int firstRow, int endRow)
    {
        var lumaPlane = _bytes.AsSpan(0, Width * Height);
        var chromaWidth = Width / 2;
        var chromaSize = chromaWidth * (Height / 2);
        var uPlane = _bytes.AsSpan(Width * Height, chromaSize);
        var vPlane = _bytes.AsSpan(Width * Height + chromaSize, chromaSize);
        for (var y = firstRow; y < endRow; y += 2)
        {
            var top = pixels.AsSpan(y * Width, Width);
            var bottom = pixels.AsSpan((y + 1) * Width, Width);
            var topLuma = lumaPlane.Slice(y * Width, Width);
            var bottomLuma = lumaPlane.Slice((y + 1) * Width, Width);
            var u = uPlane.Slice(y / 2 * chromaWidth, chromaWidth);
            var v = vPlane.Slice(y / 2 * chromaWidth, chromaWidth);
            for (var cx = 0; cx < chromaWidth; cx++)
            {
                var x = cx * 2;
                uint p0 = top[x], p1 = top[x + 1], p2 = bottom[x], p3 = bottom[x + 1];
                topLuma[x] = Luma(p0);
                topLuma[x + 1] = Luma(p1);
                bottomLuma[x] = Luma(p2);
                bottomLuma[x + 1] = Luma(p3);
                var r = (int)((p0 & 0xFF) + (p1 & 0xFF) + (p2 & 0xFF) + (p3 & 0xFF));
                var g = (int)(((p0 >> 8) & 0xFF) + ((p1 >> 8) & 0xFF) + ((p2 >> 8) & 0xFF) + ((p3 >> 8) & 0xFF));
                var b = (int)(((p0 >> 16) & 0xFF) + ((p1 >> 16) & 0xFF) + ((p2 >> 16) & 0xFF) + ((p3 >> 16) & 0xFF));
                // Sums of four pixels: shifting by 18 instead of 16 divides by the four as it rounds.
                u[cx] = (byte)((UR * r + UG * g + UB * b + (128 << 18) + (1 << 17)) >> 18);
                v[cx] = (byte)((VR * r + VG * g + VB * b + (128 << 18) + (1 << 17)) >> 18);
            }
        }
    }

    private static byte Luma(uint pixel) =>
        (byte)((YR * (int)(pixel & 0xFF) + YG * (int)((pixel >> 8) & 0xFF) + YB * (int)((pixel >> 16) & 0xFF) + (16 << 16) + (1 << 15)) >> 16);
}
