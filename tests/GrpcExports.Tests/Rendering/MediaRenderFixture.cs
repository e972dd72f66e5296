using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Frames;
using GrpcExports.Rendering.Stills;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Rendering.Tools;

namespace GrpcExports.Tests.Rendering;

/// <summary>
/// A temporary media directory and a renderer with image and text sources over it: frames are rendered to PNG by
/// ffmpeg and decoded by ImageMagick. <see cref="Magick"/> counts ImageMagick runs of the last timeline rendered.
/// </summary>
public sealed class MediaRenderFixture : IDisposable
{
    public static readonly FrameRate Fps30 = FrameRate.FromFramesPerSecond(30);

    private readonly string _directory = Directory.CreateTempSubdirectory("grpcexports-media-").FullName;

    public MediaRenderFixture()
    {
        Directory.CreateDirectory(MediaDirectory);
    }

    public string MediaDirectory => Path.Combine(_directory, "media");

    public ImageMagickRaster Magick { get; private set; } = new(MediaTools.Default);

    public string MediaFile(string name) => Path.Combine(MediaDirectory, name);

    /// <summary>Renders each of <paramref name="frames"/> of one timeline (one set of sources, so one cache).</summary>
    public async Task<IReadOnlyList<DecodedPng>> RenderAsync(string json, int width, int height, params long[] frames)
    {
        var timeline = EditorStateReader.Parse(json);
        var renderer = Renderer(timeline);
        var pngs = new List<DecodedPng>();
        foreach (var frame in frames.DefaultIfEmpty(0))
        {
            var path = Path.Combine(_directory, $"frame-{Guid.NewGuid():N}.png");
            var still = await renderer.RenderPngAsync(timeline, Fps30, frame, path);
            Assert.Empty(still.Skipped);
            pngs.Add(await DecodedPng.ReadAsync(path, width, height));
        }
        return pngs;
    }

    public async Task<DecodedPng> RenderAsync(string json, int width, int height) => (await RenderAsync(json, width, height, 0))[0];

    public StillRenderer Renderer(EditorTimeline timeline)
    {
        Magick = new ImageMagickRaster(MediaTools.Default);
        return new StillRenderer(sources: MediaLayerSources.For(timeline, new MediaDirectoryAssetResolver(MediaDirectory), Magick));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
