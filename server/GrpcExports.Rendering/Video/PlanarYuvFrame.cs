using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using GrpcExports.Rendering.Compositing;

namespace GrpcExports.Rendering.Video;

/// <summary>
/// One decoded frame as ffmpeg's rawvideo muxer writes <c>yuv420p</c> (or <c>yuva420p</c>): the Y plane, then U and V
/// at half width and height rounded up, then (with alpha) the A plane, without padding. <see cref="ConvertTo"/> turns it
/// into premultiplied RGBA with the BT.601 limited-range matrix ffmpeg applies to untagged video (the encoder's
/// <see cref="Encoder.Yuv420Frame"/> uses its inverse), each chroma sample covering its 2x2 block.
/// </summary>
/// <remarks>
/// Why not let ffmpeg convert: a 720p clip decoded, scaled to 1080p and converted to RGBA costs ffmpeg about twice the
/// CPU of the same decode to yuv420p, and the frame through the pipe is 8 MB instead of 3; the conversion here is a few
/// vector operations per eight pixels.
/// </remarks>
internal sealed class PlanarYuvFrame
{
    // BT.601 limited range to RGB in 16-bit fixed point: R = 1.164 (Y - 16) + 1.596 (V - 128),
    // G = 1.164 (Y - 16) - 0.392 (U - 128) - 0.813 (V - 128), B = 1.164 (Y - 16) + 2.017 (U - 128).
    private const int LumaScale = 76309;
    private const int RedFromV = 104597;
    private const int GreenFromU = -25675;
    private const int GreenFromV = -53279;
    private const int BlueFromU = 132201;
    private const int Rounding = 1 << 15;

    private readonly byte[] _bytes;
    private readonly int _chromaWidth, _chromaSize;

    public PlanarYuvFrame(int width, int height, bool hasAlpha)
    {
        Width = width;
        Height = height;
        HasAlpha = hasAlpha;
        _chromaWidth = (width + 1) / 2;
        _chromaSize = _chromaWidth * ((height + 1) / 2);
        _bytes = GC.AllocateUninitializedArray<byte>(checked(width * height * (hasAlpha ? 2 : 1) + 2 * _chromaSize), pinned: true);
    }

    public int Width { get; }

    public int Height { get; }

    public bool HasAlpha { get; }

    /// <summary>The ffmpeg pixel format these bytes are.</summary>
    public string PixelFormat => HasAlpha ? "yuva420p" : "yuv420p";

    /// <summary>The frame's bytes, for reading it from the pipe.</summary>
    public Memory<byte> Bytes => _bytes;

    /// <summary>Writes the frame into <paramref name="image"/> (of this size) as premultiplied RGBA.</summary>
    public void ConvertTo(RasterImage image)
    {
        if (image.Width != Width || image.Height != Height)
        {
            throw new ArgumentException($"The picture is {image.Width}x{image.Height}, not {Width}x{Height}.", nameof(image));
        }
        var pixels = image.Pixels;
        var opaque = true;
        for (var y = 0; y < Height; y++)
        {
            var row = pixels.Slice(y * Width, Width);
            ConvertRow(y, row);
            if (HasAlpha)
            {
                opaque &= ApplyAlpha(_bytes.AsSpan(Width * Height + 2 * _chromaSize + y * Width, Width), row);
            }
        }
        if (opaque)
        {
            image.MarkOpaque();
        }
    }

    private unsafe void ConvertRow(int y, Span<uint> row)
    {
        var chromaRow = y / 2 * _chromaWidth;
        fixed (byte* start = _bytes)
        fixed (uint* output = row)
        {
            var luma = start + y * Width;
            var u = start + Width * Height + chromaRow;
            var v = u + _chromaSize;
            var x = 0;
            if (Avx2.IsSupported)
            {
                // Sixteen pixels a step: eight chroma samples, each spread over two neighbouring pixels.
                var pairs = Vector256.Create(0, 0, 1, 1, 2, 2, 3, 3);
                var laterPairs = Vector256.Create(4, 4, 5, 5, 6, 6, 7, 7);
                for (; x + 16 <= Width; x += 16)
                {
                    var uc = Avx2.ConvertToVector256Int32(u + x / 2) - Vector256.Create(128);
                    var vc = Avx2.ConvertToVector256Int32(v + x / 2) - Vector256.Create(128);
                    var red = vc * RedFromV;
                    var green = uc * GreenFromU + vc * GreenFromV;
                    var blue = uc * BlueFromU;
                    Store(output + x, Avx2.ConvertToVector256Int32(luma + x),
                        Avx2.PermuteVar8x32(red, pairs), Avx2.PermuteVar8x32(green, pairs), Avx2.PermuteVar8x32(blue, pairs));
                    Store(output + x + 8, Avx2.ConvertToVector256Int32(luma + x + 8),
                        Avx2.PermuteVar8x32(red, laterPairs), Avx2.PermuteVar8x32(green, laterPairs), Avx2.PermuteVar8x32(blue, laterPairs));
                }
            }
            for (; x < Width; x++)
            {
                int uc = u[x / 2] - 128, vc = v[x / 2] - 128;
                var scaled = (luma[x] - 16) * LumaScale + Rounding;
                output[x] = Pack(scaled + vc * RedFromV, scaled + uc * GreenFromU + vc * GreenFromV, scaled + uc * BlueFromU);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Store(uint* output, Vector256<int> luma, Vector256<int> red, Vector256<int> green, Vector256<int> blue)
    {
        var scaled = (luma - Vector256.Create(16)) * LumaScale + Vector256.Create(Rounding);
        var pixel = Channel(scaled + red) | Channel(scaled + green) << 8 | Channel(scaled + blue) << 16 | Vector256.Create(unchecked((int)0xFF000000));
        pixel.AsUInt32().Store(output);

        static Vector256<int> Channel(Vector256<int> fixedPoint) =>
            Vector256.Min(Vector256.Max(fixedPoint >> 16, Vector256<int>.Zero), Vector256.Create(255));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Pack(int red, int green, int blue) =>
        PixelMath.Pack(Math.Clamp(red >> 16, 0, 255), Math.Clamp(green >> 16, 0, 255), Math.Clamp(blue >> 16, 0, 255), 255);

    /// <summary>Premultiplies the opaque row by its alpha plane row; true when every alpha is 255.</summary>
    private static bool ApplyAlpha(ReadOnlySpan<byte> alpha, Span<uint> row)
    {
        var opaque = true;
        for (var x = 0; x < row.Length; x++)
        {
            var a = alpha[x];
            if (a != 255)
            {
                opaque = false;
                row[x] = a == 0 ? 0 : PixelMath.Scale(row[x], a);
            }
        }
        return opaque;
    }
}
