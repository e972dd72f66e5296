using System.Text.Json.Nodes;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Projects;
using GrpcExports.Tests.Rendering;
using static GrpcExports.Tests.Rendering.EditorStateDocument;

namespace GrpcExports.Tests.Assets;

/// <summary>
/// CheckProjectAssets against real uploads and media-directory files: found, missing (with why), where each resolved,
/// which items use it, and whether its probed facts fit those uses; CreateExport refuses the same document naming the
/// missing assets.
/// </summary>
public sealed class CheckProjectAssetsTests : IAsyncLifetime
{
    private readonly MediaSamples _samples = new();
    private AssetCheckServer _server = null!;

    public async Task InitializeAsync() => _server = await AssetCheckServer.StartAsync("--Exports:Workers=0");

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _samples.Dispose();
    }

    [Fact]
    public async Task Reports_every_asset_with_its_location_users_and_how_its_facts_fit()
    {
        var (document, video, png, tone) = await MixedDocumentAsync();

        var response = await _server.Server.Projects.CheckProjectAssetsAsync(new CheckProjectAssetsRequest { EditorState = document });

        Assert.Equal((false, 7, 2, 2, 0L), (response.AllFound, response.TotalAssets, response.MissingAssets, response.MismatchedAssets, response.ProjectVersion));
        Assert.Equal(["escape", "gone", "media-still", "png", "tone", "unused", "video"], response.Assets.Select(a => a.AssetKey));
        var byKey = response.Assets.ToDictionary(a => a.AssetKey);

        var clip = byKey["video"];
        Assert.Equal((AssetReferenceStatus.Mismatch, $"asset:{video.Id}", video.Id, AssetKind.Video), (clip.Status, clip.ResolvedLocation, clip.Reference, clip.Kind));
        Assert.Equal(["clip"], clip.UsedByItemIds);
        Assert.Equal(2.0, clip.Media.Duration.ToTimeSpan().TotalSeconds, 1);
        var tooLong = Assert.Single(clip.Problems);
        Assert.Equal("clip", tooLong.ItemId);
        Assert.Contains("from 0 s to 3 s but the video lasts 2", tooLong.Message);

        var still = byKey["png"];
        Assert.Equal((AssetReferenceStatus.Mismatch, $"asset:{png.Id}", AssetKind.Image), (still.Status, still.ResolvedLocation, still.Kind));
        Assert.Equal(["mute", "still-as-video"], still.UsedByItemIds);
        Assert.Equal(["mute", "still-as-video"], still.Problems.Select(p => p.ItemId).Order());
        Assert.Contains("no audio stream", still.Problems.Single(p => p.ItemId == "mute").Message);
        Assert.Contains("video item but its asset is an image", still.Problems.Single(p => p.ItemId == "still-as-video").Message);

        var sound = byKey["tone"];
        Assert.Equal((AssetReferenceStatus.Found, $"asset:{tone.Id}", AssetKind.Audio, true), (sound.Status, sound.ResolvedLocation, sound.Kind, sound.Media.HasAudio));
        Assert.Empty(sound.Problems);

        var media = byKey["media-still"];
        Assert.Equal((AssetReferenceStatus.Found, "media:stills/logo.png", "media:stills/logo.png", AssetKind.Image, 24, 12),
            (media.Status, media.ResolvedLocation, media.Reference, media.Kind, media.Media.Width, media.Media.Height));
        Assert.Equal(["picture"], media.UsedByItemIds);

        var gone = byKey["gone"];
        Assert.Equal((AssetReferenceStatus.Missing, "", 0), (gone.Status, gone.ResolvedLocation, gone.Problems.Count));
        Assert.Null(gone.Media);
        Assert.Contains("no uploaded asset", gone.MissingReason);
        var escape = byKey["escape"];
        Assert.Equal((AssetReferenceStatus.Missing, "media:../outside/secret.png"), (escape.Status, escape.Reference));
        Assert.Contains("relative path inside the media directory", escape.MissingReason);
        Assert.Empty(byKey["unused"].UsedByItemIds);
        Assert.Equal(AssetReferenceStatus.Found, byKey["unused"].Status);

        Assert.DoesNotContain(_server.Server.MediaDirectory, response.ToString());
        Assert.DoesNotContain(Path.GetTempPath(), response.ToString());
    }

    [Fact]
    public async Task CreateExport_runs_the_same_check_and_names_the_missing_assets_items_use()
    {
        var (document, _, _, _) = await MixedDocumentAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => _server.Server.Exports.CreateExportAsync(new CreateExportRequest { EditorState = document }));

        Assert.Equal((StatusCode.FailedPrecondition, "ASSETS_MISSING"), (error.StatusCode, error.Reason));
        Assert.Equal("escape,gone", error.ErrorInfo!.Metadata["assetKeys"]);
        var violations = error.Find<Google.Rpc.PreconditionFailure>()!.Violations;
        Assert.Equal([("ASSET", "escape"), ("ASSET", "gone")], violations.Select(v => (v.Type, v.Subject)));
        Assert.Contains("no uploaded asset", violations[1].Description);
        var exports = await _server.Server.Exports.ListExportsAsync(new ListExportsRequest());
        Assert.Empty(exports.Exports);
    }

    [Fact]
    public async Task Checks_a_saved_project_at_its_latest_or_a_past_version()
    {
        var png = (await _server.Assets.UploadAsync("still.png", await _samples.PngAsync(16, 16))).Asset;
        var first = StillDocument(png.Id);
        var project = (await _server.Server.Projects.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project { EditorState = ProjectDocuments.Parse(first) },
        })).Project;
        var second = JsonNode.Parse(first)!;
        second["assets"]!["still"]!["remoteKey"] = "media:nothing-here.png";
        await _server.Server.Projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = project.Id, EditorState = ProjectDocuments.Parse(second.ToJsonString()) });

        var latest = await _server.Server.Projects.CheckProjectAssetsAsync(new CheckProjectAssetsRequest { ProjectId = project.Id });
        var past = await _server.Server.Projects.CheckProjectAssetsAsync(new CheckProjectAssetsRequest { ProjectId = project.Id, Version = 1 });

        Assert.Equal((2L, false, AssetReferenceStatus.Missing), (latest.ProjectVersion, latest.AllFound, latest.Assets.Single().Status));
        Assert.Equal("There is no such file in the media directory.", latest.Assets.Single().MissingReason);
        Assert.Equal((1L, true, $"asset:{png.Id}"), (past.ProjectVersion, past.AllFound, past.Assets.Single().ResolvedLocation));
        var unknown = Guid.NewGuid().ToString();
        var notFound = await Assert.ThrowsAsync<RpcException>(() => _server.Server.Projects.CheckProjectAssetsAsync(new CheckProjectAssetsRequest { ProjectId = unknown }));
        var beyond = await Assert.ThrowsAsync<RpcException>(() => _server.Server.Projects.CheckProjectAssetsAsync(new CheckProjectAssetsRequest { ProjectId = project.Id, Version = 3 }));
        var noSource = await Assert.ThrowsAsync<RpcException>(() => _server.Server.Projects.CheckProjectAssetsAsync(new CheckProjectAssetsRequest()));
        var versionInline = await Assert.ThrowsAsync<RpcException>(() => _server.Server.Projects.CheckProjectAssetsAsync(
            new CheckProjectAssetsRequest { EditorState = ProjectDocuments.Parse(first), Version = 1 }));
        Assert.Equal((StatusCode.NotFound, "PROJECT_NOT_FOUND"), (notFound.StatusCode, notFound.Reason));
        Assert.Equal((StatusCode.NotFound, "PROJECT_VERSION_NOT_FOUND"), (beyond.StatusCode, beyond.Reason));
        Assert.Equal((StatusCode.InvalidArgument, "project_id"), (noSource.StatusCode, Assert.Single(noSource.BadRequest!.FieldViolations).Field));
        Assert.Equal((StatusCode.InvalidArgument, "version"), (versionInline.StatusCode, Assert.Single(versionInline.BadRequest!.FieldViolations).Field));
    }

    [Fact]
    public async Task An_inline_document_that_does_not_validate_is_invalid_editor_state()
    {
        var broken = JsonNode.Parse(StillDocument(Guid.NewGuid().ToString()))!;
        broken["compositionWidth"] = -1;

        var error = await Assert.ThrowsAsync<RpcException>(() => _server.Server.Projects.CheckProjectAssetsAsync(
            new CheckProjectAssetsRequest { EditorState = ProjectDocuments.Parse(broken.ToJsonString()) }));

        Assert.Equal((StatusCode.InvalidArgument, "INVALID_EDITOR_STATE"), (error.StatusCode, error.Reason));
    }

    private static string StillDocument(string remoteKey) => new EditorStateDocument(160, 90)
        .Track("track-1", "picture")
        .ImageAsset("still", remoteKey, 16, 16)
        .Image("picture", "still", 0, Seconds(1), left: 0, top: 0, width: 160, height: 90)
        .ToJson();

    /// <summary>
    /// A document using a 2 s uploaded video for 3 s, an uploaded PNG as a video and as audio, an uploaded WAV as audio,
    /// a PNG in the media directory, an asset id nobody uploaded, a media path out of the directory, and an unused entry.
    /// </summary>
    private async Task<(Google.Protobuf.WellKnownTypes.Struct Document, Asset Video, Asset Png, Asset Tone)> MixedDocumentAsync()
    {
        var video = (await _server.Assets.UploadAsync("clip.mp4", await _samples.VideoAsync(seconds: 2))).Asset;
        var png = (await _server.Assets.UploadAsync("still.png", await _samples.PngAsync(16, 16))).Asset;
        var tone = (await _server.Assets.UploadAsync("tone.wav", await _samples.WavAsync(seconds: 1))).Asset;
        await _server.PutMediaAsync("stills/logo.png", await _samples.PngAsync(24, 12));
        var json = JsonNode.Parse(new EditorStateDocument(160, 90)
            .Track("track-1", "clip", "still-as-video")
            .Track("track-2", "picture", "missing-picture", "escaping-picture")
            .Track("track-3", "sound", "mute")
            .VideoAsset("video", video.Id, 320, 240, 2)
            .ImageAsset("png", png.Id, 16, 16)
            .VideoAsset("tone", tone.Id, 0, 0, 1)
            .ImageAsset("media-still", "media:stills/logo.png", 24, 12)
            .ImageAsset("gone", Guid.NewGuid().ToString(), 16, 16)
            .ImageAsset("escape", "media:../outside/secret.png", 16, 16)
            .ImageAsset("unused", "media:stills/logo.png", 24, 12)
            .Video("clip", "video", 0, Seconds(3), left: 0, top: 0, width: 160, height: 90)
            .Video("still-as-video", "png", Seconds(3), Seconds(1), left: 0, top: 0, width: 160, height: 90)
            .Image("picture", "media-still", 0, Seconds(1), left: 0, top: 0, width: 24, height: 12)
            .Image("missing-picture", "gone", Seconds(1), Seconds(1), left: 0, top: 0, width: 16, height: 16)
            .Image("escaping-picture", "escape", Seconds(2), Seconds(1), left: 0, top: 0, width: 16, height: 16)
            .Video("sound", "tone", 0, Seconds(1), left: 0, top: 0, width: 1, height: 1)
            .Video("mute", "png", Seconds(1), Seconds(1), left: 0, top: 0, width: 1, height: 1)
            .ToJson())!;
        json["assets"]!["tone"]!["type"] = "audio";
        foreach (var id in new[] { "sound", "mute" })
        {
            var item = json["items"]![id]!.AsObject();
            item["type"] = "audio";
            item["audioStartFromInSeconds"] = item["videoStartFromInSeconds"]!.DeepClone();
            item.Remove("videoStartFromInSeconds");
        }
        return (ProjectDocuments.Parse(json.ToJsonString()), video, png, tone);
    }
}
