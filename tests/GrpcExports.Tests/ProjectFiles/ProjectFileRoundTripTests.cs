using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using GrpcExports.Protocol.V1;
using GrpcExports.Tests.Assets;
using GrpcExports.Tests.Exports;
using GrpcExports.Tests.Projects;
using GrpcExports.Tests.Rendering;
using GrpcExports.Tests.Rendering.Export;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.ProjectFiles;

/// <summary>
/// A project with uploaded media written to a project file on one server and imported on another with a fresh database:
/// the import draws the same frames and exports a video with the same decoded frames, its assets are stored once and
/// relinked on a second import, and ValidateProjectFile describes the file without importing it.
/// </summary>
public sealed class ProjectFileRoundTripTests(TwoProjectFileServers servers) : IClassFixture<TwoProjectFileServers>, IDisposable
{
    private readonly MediaSamples _samples = new();
    private readonly TemporaryDirectory _scratch = new();

    public void Dispose()
    {
        _samples.Dispose();
        _scratch.Dispose();
    }

    [Fact]
    public async Task AnImportOnAFreshDatabaseDrawsTheSameFramesAsTheSource()
    {
        var (source, picture, video) = await SampleProjects.CreateWithMediaAsync(servers.Source, _samples);

        var (info, file) = await servers.Source.Projects.ExportFileAsync(source.Id, includeAssets: true);
        var imported = await servers.Target.Projects.ImportFileAsync(file, "teaser.gxproj", file.Length, info.Sha256);

        Assert.Equal(("Launch teaser.gxproj", "application/zip", (long)file.Length, Convert.ToHexStringLower(SHA256.HashData(file)), 1, source.Version, true),
            (info.FileName, info.ContentType, info.SizeBytes, info.Sha256, info.FormatVersion, info.ProjectVersion, info.IncludesAssets));
        Assert.Equal((2, 0), (imported.AssetsUploaded, imported.AssetsRelinked));
        Assert.Empty(imported.MissingAssetKeys);
        var project = imported.Project;
        Assert.Equal(("Launch teaser", "made for the project-file tests", 1L), (project.Title, project.Description, project.Version));
        var remoteKeys = RemoteKeys(project.EditorState);
        var storedPicture = (await servers.Target.Assets.GetAssetAsync(new GetAssetRequest { AssetId = remoteKeys["logo-asset"] })).Asset;
        var storedVideo = (await servers.Target.Assets.GetAssetAsync(new GetAssetRequest { AssetId = remoteKeys["clip-asset"] })).Asset;
        Assert.Equal((picture.Asset.Sha256, picture.Asset.SizeBytes, "logo.png"), (storedPicture.Sha256, storedPicture.SizeBytes, storedPicture.FileName));
        Assert.Equal((video.Asset.Sha256, video.Asset.Media.FrameCount), (storedVideo.Sha256, storedVideo.Media.FrameCount));
        var history = await servers.Target.Projects.ListProjectHistoryAsync(new ListProjectHistoryRequest { ProjectId = project.Id });
        var created = Assert.Single(history.Events);
        Assert.Equal((ProjectEventType.Imported, "imported from teaser.gxproj", true), (created.Type, created.Summary, created.StateChanged));
        foreach (var seconds in SampleProjects.SampleSeconds)
        {
            var expected = await ThumbnailPixelsAsync(servers.Source, source.Id, seconds);
            var actual = await ThumbnailPixelsAsync(servers.Target, project.Id, seconds);
            Assert.True(expected.SequenceEqual(actual), $"The imported project's frame at {seconds} s differs from the source's.");
        }
        // The frames compared really show the media: the picture's box is not the background.
        var first = await DecodeAsync(servers.Source, source.Id, 0.2);
        Assert.NotEqual(first[74, 58], first[5, 170]);
    }

    [Fact]
    public async Task AnImportOnAFreshDatabaseExportsAVideoWithTheSameDecodedFramesAsTheSource()
    {
        // Media no other test uploads, so the target stores both assets from the file rather than relinking ones it has.
        var (source, _, _) = await SampleProjects.CreateWithMediaAsync(servers.Source, _samples, "Exported twice", pictureWidth: 80, videoSeconds: 2.8);
        var (info, file) = await servers.Source.Projects.ExportFileAsync(source.Id, includeAssets: true);
        var imported = await servers.Target.Projects.ImportFileAsync(file, sizeBytes: file.Length, sha256: info.Sha256);
        Assert.Equal((2, 0), (imported.AssetsUploaded, imported.AssetsRelinked));

        var expected = await ExportedFramesAsync(servers.Source, source.Id);
        var actual = await ExportedFramesAsync(servers.Target, imported.Project.Id);

        // 3 s at 10 frames a second; the frames change over time (the clip plays, then the red solid), so they show the media.
        Assert.Equal(30, expected.Count);
        Assert.Contains(expected, frame => !frame.AsSpan().SequenceEqual(expected[0]));
        Assert.Equal(expected.Count, actual.Count);
        for (var frame = 0; frame < expected.Count; frame++)
        {
            Assert.True(expected[frame].AsSpan().SequenceEqual(actual[frame]), $"Frame {frame} of the imported project's export differs from the source's.");
        }
    }

    [Fact]
    public async Task ASecondImportRelinksTheAssetsItAlreadyHasInsteadOfStoringThemAgain()
    {
        var (source, _, _) = await SampleProjects.CreateWithMediaAsync(servers.Source, _samples, "Relinked");
        var (_, file) = await servers.Source.Projects.ExportFileAsync(source.Id, includeAssets: true);
        var before = await servers.Source.StoredAsync();

        var imported = await servers.Source.Projects.ImportFileAsync(file, title: "Relinked again");

        var after = await servers.Source.StoredAsync();
        Assert.Equal((0, 2), (imported.AssetsUploaded, imported.AssetsRelinked));
        Assert.Equal("Relinked again", imported.Project.Title);
        foreach (var (key, assetId) in RemoteKeys(imported.Project.EditorState))
        {
            var relinked = await servers.Source.Assets.GetAssetAsync(new GetAssetRequest { AssetId = assetId });
            var original = await servers.Source.Assets.GetAssetAsync(new GetAssetRequest { AssetId = RemoteKeys(source.EditorState)[key] });
            Assert.Equal(original.Asset.Sha256, relinked.Asset.Sha256);
        }
        Assert.Equal((before.Projects + 1, before.Assets), (after.Projects, after.Assets));
    }

    [Fact]
    public async Task AFileWithoutAssetsReportsTheOnesTheImportingUserDoesNotHave()
    {
        var (source, picture, _) = await SampleProjects.CreateWithMediaAsync(servers.Source, _samples, "References only", pictureWidth: 66, videoSeconds: 2.5);
        var (info, file) = await servers.Source.Projects.ExportFileAsync(source.Id, includeAssets: false);
        await servers.Target.Assets.UploadAsync("same-logo.png", await _samples.PngAsync(66, 48));

        var imported = await servers.Target.Projects.ImportFileAsync(file);

        Assert.False(info.IncludesAssets);
        using (var zip = new ZipArchive(new MemoryStream(file)))
        {
            Assert.Equal(["editor-state.json", "manifest.json"], zip.Entries.Select(e => e.FullName).Order());
        }
        Assert.Equal((0, 1), (imported.AssetsUploaded, imported.AssetsRelinked));
        Assert.Equal(["clip-asset"], imported.MissingAssetKeys);
        Assert.NotEqual(picture.Asset.Id, RemoteKeys(imported.Project.EditorState)["logo-asset"]);
    }

    [Fact]
    public async Task ValidationDescribesTheFileAndImportsNothing()
    {
        var (source, picture, video) = await SampleProjects.CreateWithMediaAsync(servers.Source, _samples, "Validated");
        var (_, file) = await servers.Source.Projects.ExportFileAsync(source.Id, includeAssets: true);
        var before = await servers.Target.StoredAsync();

        var report = await servers.Target.Projects.ValidateFileAsync(file);

        Assert.True(report.Valid, report.ToString());
        Assert.Empty(report.FileProblems);
        Assert.Empty(report.EditorStateViolations);
        var summary = report.Summary;
        Assert.Equal((1, "Validated", source.Id, source.Version, 2, picture.Asset.SizeBytes + video.Asset.SizeBytes),
            (summary.FormatVersion, summary.Title, summary.SourceProjectId, summary.SourceProjectVersion, summary.IncludedAssetCount, summary.IncludedAssetBytes));
        var state = summary.EditorState;
        Assert.Equal((320, 180, 240_000L, 720_000L, 3.0, 3, 4, 2, 0), (state.CompositionWidth, state.CompositionHeight, state.TimebaseTicksPerSecond,
            state.DurationTicks, state.DurationSeconds, state.TrackCount, state.ItemCount, state.AssetCount, state.TransitionCount));
        var after = await servers.Target.StoredAsync();
        Assert.Equal((before.Projects, before.Assets), (after.Projects, after.Assets));
        Assert.Equal(before.Files, after.Files);
    }

    [Fact]
    public async Task APastVersionIsWrittenAsItWas()
    {
        var (source, _, _) = await SampleProjects.CreateWithMediaAsync(servers.Source, _samples, "First title");
        await servers.Source.Projects.UpdateProjectAsync(new UpdateProjectRequest { Project = new Project { Id = source.Id, Title = "Second title" } });

        var (info, file) = await servers.Source.Projects.ExportFileAsync(source.Id, includeAssets: false, version: 1);
        var report = await servers.Source.Projects.ValidateFileAsync(file);

        Assert.Equal((1L, "First title.gxproj"), (info.ProjectVersion, info.FileName));
        Assert.Equal(("First title", 1L), (report.Summary.Title, report.Summary.SourceProjectVersion));
    }

    private static Dictionary<string, string> RemoteKeys(Struct editorState)
    {
        using var document = JsonDocument.Parse(ProjectDocuments.Format(editorState));
        return document.RootElement.GetProperty("assets").EnumerateObject()
            .ToDictionary(asset => asset.Name, asset => asset.Value.GetProperty("remoteKey").GetString()!);
    }

    /// <summary>Exports the project as a 10 fps mp4, watches it to SUCCEEDED, downloads it and decodes every frame with ffmpeg.</summary>
    private async Task<IReadOnlyList<byte[]>> ExportedFramesAsync(ProjectFileServer server, string projectId)
    {
        var exports = server.Exports;
        var created = (await exports.CreateExportAsync(new CreateExportRequest { ProjectId = projectId, Options = new ExportOptions { Fps = 10 } })).Export;
        var finished = (await exports.WatchToEndAsync(created.Id))[^1];
        Assert.True(finished.Status == ExportStatus.Succeeded, finished.ToString());
        var (download, bytes, _) = await exports.DownloadAsync(created.Id);
        Assert.Equal((finished.Output.Sha256, finished.Output.SizeBytes, (long)bytes.Length), (download.Sha256, download.SizeBytes, download.SizeBytes));
        var path = Path.Combine(_scratch.Path, $"{created.Id}.mp4");
        await File.WriteAllBytesAsync(path, bytes);
        var probed = await ProbedExport.ReadAsync(path);
        Assert.Equal((320, 180), (probed.Width, probed.Height));
        return await probed.FramesAsync();
    }

    private async Task<GrpcExports.Rendering.Timeline.Color[]> ThumbnailPixelsAsync(ProjectFileServer server, string projectId, double seconds)
    {
        var png = await DecodeAsync(server, projectId, seconds);
        return [.. Enumerable.Range(0, png.Height).SelectMany(y => Enumerable.Range(0, png.Width).Select(x => png[x, y]))];
    }

    private async Task<DecodedPng> DecodeAsync(ProjectFileServer server, string projectId, double seconds)
    {
        var thumbnail = await server.Projects.GetProjectThumbnailAsync(new GetProjectThumbnailRequest
        {
            ProjectId = projectId, Width = 320, Time = Duration.FromTimeSpan(TimeSpan.FromSeconds(seconds)),
        });
        var path = Path.Combine(_scratch.Path, $"{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(path, thumbnail.Image.ToByteArray());
        return await DecodedPng.ReadAsync(path, thumbnail.Width, thumbnail.Height);
    }
}
