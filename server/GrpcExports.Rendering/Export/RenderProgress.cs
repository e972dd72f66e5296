namespace GrpcExports.Rendering.Export;

/// <summary>Where an export is.</summary>
public enum RenderStage
{
    /// <summary>Mixing audio, preparing the watermark, starting the encoder.</summary>
    PreparingAssets,

    /// <summary>Frames are being composed and streamed to the encoder.</summary>
    Rendering,

    /// <summary>Every frame is composed; the encoder is finishing its last frames and the audio.</summary>
    Encoding,

    /// <summary>The encoder has finished; the file is being moved into place.</summary>
    Finalising,
}

/// <summary>
/// A progress report: <see cref="FramesDone"/> of <see cref="TotalFrames"/> written to the encoder, the rate since
/// rendering started, and the time left at that rate (null until a frame is done).
/// </summary>
public sealed record RenderProgress(RenderStage Stage, long FramesDone, long TotalFrames, double FramesPerSecond, TimeSpan? EstimatedTimeLeft)
{
    public double Fraction => TotalFrames == 0 ? 0 : (double)FramesDone / TotalFrames;
}
