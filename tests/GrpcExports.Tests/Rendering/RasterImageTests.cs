using GrpcExports.Rendering.Compositing;
using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Tests.Rendering;

/// <summary>Pixels written straight into a picture (as the video decoder does) and premultiplied in place.</summary>
public sealed class RasterImageTests
{
    [Fact]
    public void Written_straight_pixels_are_premultiplied_and_an_opaque_picture_is_recognised()
    {
        var opaque = new RasterImage(33, 3); // not a multiple of the vector width: the tail is checked too
        opaque.Pixels.Fill(PixelMath.Pack(10, 20, 30, 255));
        opaque.PremultiplyWrittenPixels();
        Assert.True(opaque.IsOpaque);
        Assert.Equal(new Color(10, 20, 30), PixelMath.Unpremultiply(opaque.Row(2)[32]));

        var translucent = new RasterImage(33, 3);
        translucent.Pixels.Fill(PixelMath.Pack(200, 100, 50, 255));
        translucent.Pixels[98] = PixelMath.Pack(200, 100, 50, 128);
        translucent.PremultiplyWrittenPixels();
        Assert.False(translucent.IsOpaque);
        Assert.Equal(PixelMath.Pack(100, 50, 25, 128), translucent.Row(2)[32]);
        Assert.Equal(PixelMath.Pack(200, 100, 50, 255), translucent.Row(0)[0]);
    }
}
