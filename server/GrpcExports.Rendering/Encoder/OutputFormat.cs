namespace GrpcExports.Rendering.Encoder;

/// <summary>The container and codecs of an export.</summary>
public enum OutputFormat
{
    /// <summary>MP4: H.264 (libx264, yuv420p) and AAC, the index at the front (<c>+faststart</c>) for streaming.</summary>
    Mp4,

    /// <summary>WebM: VP9 (libvpx-vp9, yuv420p) and Opus.</summary>
    Webm,
}

/// <summary>How much encoding time is traded for picture quality and size; <see cref="EncoderSettings"/> maps each.</summary>
public enum ExportQuality
{
    Draft,
    Standard,
    High,
}
