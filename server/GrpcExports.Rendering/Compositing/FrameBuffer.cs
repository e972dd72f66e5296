using System.Runtime.InteropServices;
using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Compositing;

/// <summary>
/// A frame of premultiplied RGBA, 8 bits per channel, rows top to bottom with no padding: exactly the bytes ffmpeg reads
/// as <c>-pix_fmt rgba</c> once the frame is opaque (premultiplied and straight colour agree at alpha 255).
/// </summary>
/// <remarks>
/// Why 8 bits: the product is 8-bit video (yuv420p) and 8-bit PNG, and the encoder's quantisation dwarfs the half-step
/// rounding of an 8-bit blend (every division by 255 here rounds exactly, so a blend is within ±0.5 of the real value).
/// A 16-bit or float frame would double or quadruple the bytes every layer reads and writes — 8 MB per 1080p frame
/// here against 16 or 33 MB — and memory bandwidth, not arithmetic, is what limits a compositor; 8-bit lanes also fit
/// 32 channels in one 256-bit vector. Premultiplied because "over" and a cross-fade are then linear, bilinear
/// sampling does not bleed the colour of transparent pixels, and opacity is one multiply.
/// </remarks>
public sealed class FrameBuffer
{
    private readonly uint[] _pixels;
    private readonly PixelBytes _bytes;

    public FrameBuffer(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Width = width;
        Height = height;
        _pixels = GC.AllocateUninitializedArray<uint>(checked(width * height), pinned: true);
        _bytes = new PixelBytes(_pixels);
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The packed pixels (see <see cref="PixelMath"/>), row after row.</summary>
    public Span<uint> Pixels => _pixels;

    /// <summary>The same memory as bytes R, G, B, A.</summary>
    public Span<byte> Bytes => MemoryMarshal.AsBytes(_pixels.AsSpan());

    /// <summary>The same bytes as memory, for asynchronous writes (to an encoder's pipe).</summary>
    public ReadOnlyMemory<byte> ByteMemory => _bytes.Memory;

    public Span<uint> Row(int y) => _pixels.AsSpan(y * Width, Width);

    internal uint[] Array => _pixels;

    public uint this[int x, int y] => _pixels[y * Width + x];

    /// <summary>The pixel at (x, y) as straight colour.</summary>
    public Color ColorAt(int x, int y) => PixelMath.Unpremultiply(this[x, y]);

    public void Clear(Color color) => _pixels.AsSpan().Fill(PixelMath.Premultiply(color));

    /// <summary>Writes the frame as straight (not premultiplied) RGBA bytes, as PNG and <c>-pix_fmt rgba</c> expect.</summary>
    public void CopyStraightRgbaTo(Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, _pixels.Length * 4, nameof(destination));
        var output = MemoryMarshal.Cast<byte, uint>(destination);
        for (var i = 0; i < _pixels.Length; i++)
        {
            var pixel = _pixels[i];
            var alpha = pixel >> 24;
            if (alpha is 255 or 0)
            {
                output[i] = alpha == 0 ? 0 : pixel;
                continue;
            }
            var color = PixelMath.Unpremultiply(pixel);
            output[i] = PixelMath.Pack(color.R, color.G, color.B, color.A);
        }
    }
}
