using GrpcExports.Rendering.Stills;
using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Tests.Rendering;

/// <summary>
/// Renders one frame of an editor-state JSON document at 30 fps through <see cref="StillRenderer"/> to a real PNG
/// (ffmpeg) in a temporary directory, and decodes it back (ImageMagick) for pixel assertions.
/// </summary>
public sealed class StillFrames : IDisposable
{
    public static readonly FrameRate Fps30 = FrameRate.FromFramesPerSecond(30);

    private readonly string _directory = Directory.CreateTempSubdirectory("grpcexports-stills-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>The frame as a decoded PNG; fails if the renderer left anything out.</summary>
    public async Task<DecodedPng> RenderAsync(string json, long frame, int width = 1280, int height = 720)
    {
        var timeline = EditorStateReader.Parse(json);
        var path = Path.Combine(_directory, $"frame-{Guid.NewGuid():N}.png");
        var still = await new StillRenderer().RenderPngAsync(timeline, Fps30, frame, path);
        Assert.Empty(still.Skipped);
        return await DecodedPng.ReadAsync(path, width, height);
    }
}
