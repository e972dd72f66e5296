using GrpcExports.Rendering.Evaluation;

namespace GrpcExports.Rendering.Frames;

/// <summary>The whole-pixel size a layer's box has on the output before its own scale and rotation.</summary>
internal static class DrawnSize
{
    /// <summary>Null for a box that covers no pixel.</summary>
    public static (int Width, int Height)? Of(LayerGeometry geometry, Viewport viewport)
    {
        var width = (int)Math.Round(geometry.Width * viewport.Scale);
        var height = (int)Math.Round(geometry.Height * viewport.Scale);
        return width < 1 || height < 1 ? null : (width, height);
    }
}
