using System.Numerics;
using System.Runtime.InteropServices;
using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Compositing;

/// <summary>
/// A premultiplied RGBA8 picture a layer draws from: a prepared still, a text item rasterised by ImageMagick, or the
/// current frame of a video decoder (which refills <see cref="Pixels"/> in place frame after frame).
/// </summary>
public sealed class RasterImage
{
    private readonly uint[] _pixels;

    public RasterImage(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Width = width;
        Height = height;
        _pixels = GC.AllocateUninitializedArray<uint>(checked(width * height));
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>
    /// The pixels, for writing. Taking them clears <see cref="IsOpaque"/> until <see cref="RefreshOpacity"/> says
    /// otherwise, so that a stale flag can never hide transparency from the compositor.
    /// </summary>
    public Span<uint> Pixels
    {
        get
        {
            IsOpaque = false;
            return _pixels;
        }
    }

    /// <summary>Every pixel has alpha 255 (video frames, JPEGs): the compositor copies instead of blending and
    /// skips whatever such a layer hides.</summary>
    public bool IsOpaque { get; private set; }

    public ReadOnlySpan<uint> Row(int y) => _pixels.AsSpan(y * Width, Width);

    internal uint[] Array => _pixels;

    /// <summary>Fills the picture from straight RGBA bytes (as ImageMagick and ffmpeg write them), premultiplying.</summary>
    public void LoadStraightRgba(ReadOnlySpan<byte> rgba)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rgba.Length, _pixels.Length * 4, nameof(rgba));
        rgba[..(_pixels.Length * 4)].CopyTo(MemoryMarshal.AsBytes(_pixels.AsSpan()));
        PremultiplyWrittenPixels();
    }

    /// <summary>Looks at every pixel's alpha again (after writing through <see cref="Pixels"/>).</summary>
    public void RefreshOpacity() => IsOpaque = AllOpaque(_pixels);

    /// <summary>For a writer that knows it wrote alpha 255 everywhere (a video frame converted from yuv420p), saving
    /// <see cref="RefreshOpacity"/>'s pass over the pixels.</summary>
    internal void MarkOpaque() => IsOpaque = true;

    /// <summary>
    /// Premultiplies pixels that were written as straight RGBA through <see cref="Pixels"/>. An opaque picture is only
    /// checked, with vectors.
    /// </summary>
    public void PremultiplyWrittenPixels()
    {
        if (AllOpaque(_pixels))
        {
            IsOpaque = true;
            return;
        }
        for (var i = 0; i < _pixels.Length; i++)
        {
            var pixel = _pixels[i];
            var alpha = (int)(pixel >> 24);
            _pixels[i] = alpha == 255 ? pixel : alpha == 0 ? 0 : PixelMath.Scale(pixel | 0xFF000000u, alpha);
        }
        IsOpaque = false;
    }

    private static bool AllOpaque(ReadOnlySpan<uint> pixels)
    {
        var vectors = MemoryMarshal.Cast<uint, Vector<uint>>(pixels);
        var all = Vector<uint>.AllBitsSet;
        foreach (var vector in vectors)
        {
            all &= vector;
        }
        var remaining = 0xFF000000u;
        foreach (var pixel in pixels[(vectors.Length * Vector<uint>.Count)..])
        {
            remaining &= pixel;
        }
        return Vector.EqualsAll(all & new Vector<uint>(0xFF000000u), new Vector<uint>(0xFF000000u)) && remaining == 0xFF000000u;
    }

    public static RasterImage Filled(int width, int height, Color color)
    {
        var image = new RasterImage(width, height);
        image.Pixels.Fill(PixelMath.Premultiply(color));
        image.IsOpaque = color.A == 255;
        return image;
    }
}
