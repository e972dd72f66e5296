namespace GrpcExports.Rendering.Audio;

/// <summary>
/// A written mix: a 48 kHz stereo 16-bit WAV of exactly <see cref="SampleCount"/> samples per channel, the items heard
/// in it, and the sound items left out with the reason.
/// </summary>
public sealed record AudioMixResult(
    string OutputPath,
    long SampleCount,
    IReadOnlyList<string> MixedItemIds,
    IReadOnlyList<UnheardItem> UnheardItems)
{
    public int SampleRate => MixFormat.SampleRate;

    public TimeSpan Duration => MixFormat.Duration(SampleCount);
}
