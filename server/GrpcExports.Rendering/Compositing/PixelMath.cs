using System.Runtime.CompilerServices;
using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Compositing;

/// <summary>
/// Scalar arithmetic on one packed premultiplied RGBA8 pixel: a <see cref="uint"/> whose bytes in memory are R, G, B, A
/// (so <c>R | G &lt;&lt; 8 | B &lt;&lt; 16 | A &lt;&lt; 24</c> on little-endian machines). Two channels are worked on at a time
/// in 16-bit lanes of one 32-bit integer; every division by 255 is rounded exactly.
/// </summary>
public static class PixelMath
{
    public static uint Pack(int r, int g, int b, int a) => (uint)(r | (g << 8) | (b << 16) | (a << 24));

    public static byte Red(uint pixel) => (byte)pixel;

    public static byte Green(uint pixel) => (byte)(pixel >> 8);

    public static byte Blue(uint pixel) => (byte)(pixel >> 16);

    public static byte Alpha(uint pixel) => (byte)(pixel >> 24);

    /// <summary>The premultiplied pixel of a straight colour: each channel times alpha / 255, rounded.</summary>
    public static uint Premultiply(Color color) =>
        Scale(Pack(color.R, color.G, color.B, 255), color.A);

    /// <summary>Back to straight colour: each channel times 255 / alpha, rounded (transparent stays 0, 0, 0, 0).</summary>
    public static Color Unpremultiply(uint pixel)
    {
        var alpha = Alpha(pixel);
        if (alpha == 255)
        {
            return new Color(Red(pixel), Green(pixel), Blue(pixel));
        }
        if (alpha == 0)
        {
            return Color.Transparent;
        }
        return new Color(Unscale(Red(pixel), alpha), Unscale(Green(pixel), alpha), Unscale(Blue(pixel), alpha), alpha);

        static byte Unscale(int channel, int alpha) => (byte)Math.Min(255, (channel * 255 + alpha / 2) / alpha);
    }

    /// <summary>Every channel times <paramref name="k"/> / 255 (k in 0..255), rounded to nearest.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Scale(uint pixel, int k)
    {
        var redBlue = (pixel & 0x00FF00FFu) * (uint)k + 0x00800080u;
        redBlue = ((redBlue + ((redBlue >> 8) & 0x00FF00FFu)) >> 8) & 0x00FF00FFu;
        var greenAlpha = ((pixel >> 8) & 0x00FF00FFu) * (uint)k + 0x00800080u;
        greenAlpha = (greenAlpha + ((greenAlpha >> 8) & 0x00FF00FFu)) & 0xFF00FF00u;
        return redBlue | greenAlpha;
    }

    /// <summary>Per-channel sum, saturating at 255.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint AddSaturate(uint a, uint b)
    {
        var redBlue = (a & 0x00FF00FFu) + (b & 0x00FF00FFu);
        var greenAlpha = ((a >> 8) & 0x00FF00FFu) + ((b >> 8) & 0x00FF00FFu);
        var redBlueCarry = redBlue & 0x01000100u;
        var greenAlphaCarry = greenAlpha & 0x01000100u;
        redBlue = (redBlue | (redBlueCarry - (redBlueCarry >> 8))) & 0x00FF00FFu;
        greenAlpha = (greenAlpha | (greenAlphaCarry - (greenAlphaCarry >> 8))) & 0x00FF00FFu;
        return redBlue | (greenAlpha << 8);
    }

    /// <summary>Porter-Duff source-over for premultiplied pixels: <c>src + dst * (1 - src.alpha)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Over(uint destination, uint source) => AddSaturate(source, Scale(destination, 255 - (int)(source >> 24)));

    /// <summary>Converts a 0..1 weight to the 0..255 factor <see cref="Scale"/> takes, rounded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ToByteWeight(double weight) => weight <= 0 ? 0 : weight >= 1 ? 255 : (int)(weight * 255 + 0.5);
}
