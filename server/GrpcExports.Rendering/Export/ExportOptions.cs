using GrpcExports.Rendering.Encoder;
using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Export;

/// <summary>
/// How an export is rendered. Size: the frame is the smallest box of <see cref="Ratio"/> that holds the composition, or
/// <see cref="CustomSize"/> pixels, or the composition's own size when neither is set; then it is multiplied by
/// <see cref="Scale"/>, or <see cref="Resolution"/> sets its short side; an odd side is rounded up to even (yuv420p).
/// The composition is fitted inside the frame, centred, and bars show <see cref="LetterboxColor"/>.
/// </summary>
public sealed record ExportOptions
{
    public const int MinFramesPerSecond = 1;
    public const int MaxFramesPerSecond = 120;
    public const double MinScale = 0.6;
    public const double MaxScale = 8;

    /// <summary>Longest side an export may have (the contract's limit; the encoders allow more, memory says no).</summary>
    public const int MaxSide = 7680;

    /// <summary>Smallest side of a custom frame size.</summary>
    public const int MinCustomSide = 16;

    public int FramesPerSecond { get; init; } = 30;

    public AspectRatio? Ratio { get; init; }

    /// <summary>A frame of exactly this many pixels (before <see cref="Scale"/>); not together with <see cref="Ratio"/>.</summary>
    public (int Width, int Height)? CustomSize { get; init; }

    public double Scale { get; init; } = 1;

    public ResolutionPreset? Resolution { get; init; }

    public OutputFormat Format { get; init; } = OutputFormat.Mp4;

    public ExportQuality Quality { get; init; } = ExportQuality.Standard;

    public Color LetterboxColor { get; init; } = Color.Black;

    public Watermark? Watermark { get; init; }

    public FrameRate Rate => FrameRate.FromFramesPerSecond(FramesPerSecond);

    /// <summary>Throws <see cref="ExportOptionsException"/> naming the first option that is out of range.</summary>
    public void Validate()
    {
        if (FramesPerSecond is < MinFramesPerSecond or > MaxFramesPerSecond)
        {
            throw new ExportOptionsException("fps", $"must be {MinFramesPerSecond}..{MaxFramesPerSecond}, was {FramesPerSecond}");
        }
        if (CustomSize is { } custom)
        {
            if (Ratio is not null)
            {
                throw new ExportOptionsException("custom_width", "cannot be combined with a ratio preset; set one or the other");
            }
            if (custom.Width is < MinCustomSide or > MaxSide)
            {
                throw new ExportOptionsException("custom_width", $"must be {MinCustomSide}..{MaxSide}, was {custom.Width}");
            }
            if (custom.Height is < MinCustomSide or > MaxSide)
            {
                throw new ExportOptionsException("custom_height", $"must be {MinCustomSide}..{MaxSide}, was {custom.Height}");
            }
        }
        if (!(Scale >= MinScale && Scale <= MaxScale))
        {
            throw new ExportOptionsException("scale", $"must be {MinScale}..{MaxScale}, was {Scale}");
        }
        if (Resolution is not null && Scale != 1)
        {
            throw new ExportOptionsException("scale", "cannot be combined with a resolution preset (the preset sets the size); leave it at 1");
        }
        if (Resolution is { } resolution && !Enum.IsDefined(resolution))
        {
            throw new ExportOptionsException("resolution", $"must be 4k, 1080, 720 or 480, was {(int)resolution}");
        }
        if (!Enum.IsDefined(Format))
        {
            throw new ExportOptionsException("format", $"must be mp4 or webm, was {Format}");
        }
        if (!Enum.IsDefined(Quality))
        {
            throw new ExportOptionsException("quality", $"must be draft, standard or high, was {Quality}");
        }
        Watermark?.Validate();
    }
}

/// <summary>Output resolution presets by their short side in pixels.</summary>
public enum ResolutionPreset
{
    P480 = 480,
    P720 = 720,
    P1080 = 1080,

    /// <summary>4K UHD: 3840x2160 at 16:9.</summary>
    P2160 = 2160,
}
