namespace GrpcExports.Rendering.Compositing;

/// <summary>A rectangle of whole frame pixels, <c>[Left, Right) x [Top, Bottom)</c>.</summary>
public readonly record struct PixelRegion(int Left, int Top, int Right, int Bottom)
{
    public int Width => Right - Left;

    public int Height => Bottom - Top;

    public bool IsEmpty => Width <= 0 || Height <= 0;

    /// <summary>The pixels whose centres lie inside the rectangle at (left, top) of the given size, clipped to the frame.</summary>
    public static PixelRegion Covering(double left, double top, double width, double height, int frameWidth, int frameHeight) => new(
        Math.Clamp((int)Math.Round(left), 0, frameWidth),
        Math.Clamp((int)Math.Round(top), 0, frameHeight),
        Math.Clamp((int)Math.Round(left + width), 0, frameWidth),
        Math.Clamp((int)Math.Round(top + height), 0, frameHeight));

    /// <summary>The whole pixels inside the rectangle at (left, top) of the given size, clipped to the frame.</summary>
    public static PixelRegion Inside(double left, double top, double width, double height, int frameWidth, int frameHeight) => new(
        Math.Clamp((int)Math.Ceiling(left - 1e-9), 0, frameWidth),
        Math.Clamp((int)Math.Ceiling(top - 1e-9), 0, frameHeight),
        Math.Clamp((int)Math.Floor(left + width + 1e-9), 0, frameWidth),
        Math.Clamp((int)Math.Floor(top + height + 1e-9), 0, frameHeight));
}
