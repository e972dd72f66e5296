namespace GrpcExports.Rendering.Audio;

/// <summary>What ffprobe found in an asset's file: whether it has an audio stream, how long that stream lasts
/// (<c>null</c> when the file does not say) and how many channels it has.</summary>
public sealed record SourceAudio(string FilePath, bool HasAudio, double? DurationSeconds, int Channels = 2)
{
    public bool IsMono => Channels == 1;
}
