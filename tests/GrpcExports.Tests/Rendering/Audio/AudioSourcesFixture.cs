using GrpcExports.Rendering.Assets;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Rendering.Audio;

/// <summary>A media directory holding the generated sources the mix tests share, and a place for their outputs.</summary>
public sealed class AudioSourcesFixture : IAsyncLifetime
{
    public const string Tone = "tone.wav";
    public const string ShortTone = "short-tone.wav";
    public const string SilenceThenTone = "silence-then-tone.wav";
    public const string SilentVideo = "silent.mp4";
    public const string VideoWithTone = "with-tone.mp4";
    public const string NotMedia = "not-media.wav";

    private readonly TemporaryDirectory _directory = new();

    public string MediaDirectory => _directory.Path;

    public IAssetResolver Assets => new MediaDirectoryAssetResolver(MediaDirectory);

    /// <summary>A fresh output path for one test's mix.</summary>
    public string OutputPath() => Path.Combine(MediaDirectory, $"mix-{Guid.NewGuid():N}.wav");

    public async Task InitializeAsync()
    {
        await Task.WhenAll(
            SourceMedia.ToneAsync(Path.Combine(MediaDirectory, Tone), seconds: 5),
            SourceMedia.ToneAsync(Path.Combine(MediaDirectory, ShortTone), seconds: 0.5),
            SourceMedia.SilenceThenToneAsync(Path.Combine(MediaDirectory, SilenceThenTone), silentSeconds: 1, seconds: 3),
            SourceMedia.SilentVideoAsync(Path.Combine(MediaDirectory, SilentVideo), seconds: 2),
            SourceMedia.VideoWithToneAsync(Path.Combine(MediaDirectory, VideoWithTone), seconds: 2));
        await File.WriteAllTextAsync(Path.Combine(MediaDirectory, NotMedia), "this is not a sound");
    }

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
