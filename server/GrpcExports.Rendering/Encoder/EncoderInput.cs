namespace GrpcExports.Rendering.Encoder;

/// <summary>The raw frames the encoder reads from its pipe.</summary>
internal enum EncoderInput
{
    /// <summary>Planar 4:2:0 converted by us (<see cref="Yuv420Frame"/>): what x264 and VP9 encode, so ffmpeg converts
    /// nothing, and 3 MB a 1080p frame through the pipe instead of 8.</summary>
    Yuv420,

    /// <summary>The composed RGBA frame as it is, converted by ffmpeg on one of its threads (kept to measure against).</summary>
    Rgba,
}
