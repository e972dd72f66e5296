using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Export;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Rendering.Export;

/// <summary>A test's folders (media, output, the renderer's scratch) in one temporary directory, and a way to export.</summary>
public sealed class ExportFixture : IDisposable
{
    private readonly TemporaryDirectory _root = new();

    public ExportFixture()
    {
        Directory.CreateDirectory(MediaDirectory);
        Directory.CreateDirectory(OutputDirectory);
        Directory.CreateDirectory(ScratchDirectory);
    }

    public string MediaDirectory => Path.Combine(_root.Path, "media");

    public string OutputDirectory => Path.Combine(_root.Path, "out");

    public string ScratchDirectory => Path.Combine(_root.Path, "scratch");

    public string MediaFile(string name) => Path.Combine(MediaDirectory, name);

    public IAssetResolver Assets => new MediaDirectoryAssetResolver(MediaDirectory);

    public ExportRenderer Renderer(IAudioTrackSource? audio = null) => new(audio: audio, scratchRoot: ScratchDirectory);

    public Task<ExportResult> ExportAsync(string json, ExportOptions options, string fileName, IAudioTrackSource? audio = null,
        IProgress<RenderProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Renderer(audio).RenderAsync(EditorStateReader.Parse(json), options, Assets, Path.Combine(OutputDirectory, fileName),
            progress, cancellationToken);

    /// <summary>Everything in the output and scratch folders (a finished export leaves only its file).</summary>
    public IReadOnlyList<string> LeftoverFiles() =>
        [.. Directory.EnumerateFileSystemEntries(OutputDirectory), .. Directory.EnumerateFileSystemEntries(ScratchDirectory)];

    public void Dispose() => _root.Dispose();
}
