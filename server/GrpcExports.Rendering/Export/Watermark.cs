namespace GrpcExports.Rendering.Export;

/// <summary>
/// An image drawn over every frame: its centre at (<see cref="PositionX"/>, <see cref="PositionY"/>) as fractions of
/// the output's width and height, <see cref="Scale"/> times its natural pixel size as if the output were the
/// composition's size (so it keeps its place relative to the picture at every export size), at <see cref="Opacity"/>.
/// </summary>
public sealed record Watermark(string ImagePath, double PositionX = 0.5, double PositionY = 0.5, double Scale = 1, double Opacity = 1)
{
    public const double MaxScale = 10;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ImagePath) || !File.Exists(ImagePath))
        {
            throw new ExportOptionsException("watermark.image", $"file '{ImagePath}' does not exist");
        }
        if (!(PositionX is >= 0 and <= 1))
        {
            throw new ExportOptionsException("watermark.pos_x", $"must be 0..1, was {PositionX}");
        }
        if (!(PositionY is >= 0 and <= 1))
        {
            throw new ExportOptionsException("watermark.pos_y", $"must be 0..1, was {PositionY}");
        }
        if (!(Scale > 0 && Scale <= MaxScale))
        {
            throw new ExportOptionsException("watermark.scale", $"must be above 0 and at most {MaxScale}, was {Scale}");
        }
        if (!(Opacity is >= 0 and <= 1))
        {
            throw new ExportOptionsException("watermark.opacity", $"must be 0..1, was {Opacity}");
        }
    }
}
