using System.Text.Json;
using GrpcExports.Tests.Assets;
using GrpcExports.Tests.Exports;
using GrpcExports.Tests.Rendering;
using GrpcExports.Tests.Support;
using static GrpcExports.Tests.Rendering.EditorStateDocument;

namespace GrpcExports.Tests.PowerShell;

/// <summary>
/// The export and asset cmdlets, Connect-GxServer's credentials file and the export examples in real PowerShell against
/// real servers (one that renders with the real ffmpeg and ImageMagick, one that only queues): one run of
/// ExportCmdletsSession.ps1 per class, whose JSON report each test checks a part of.
/// </summary>
public sealed class ExportCmdletsSessionTests(ExportCmdletsSessionTests.Session session) : IClassFixture<ExportCmdletsSessionTests.Session>
{
    private JsonElement Seen => session.Report;

    [Fact]
    public void AddGxAssetUploadsPipedFilesWithProgressAndReportsAMissingOne()
    {
        var assets = Seen.GetProperty("Assets");

        Assert.Equal(["clip.mp4 Video " + session.ClipSize, "picture.png Image " + session.PictureSize], Strings(assets, "Uploaded"));
        Assert.Equal("GrpcExports.PowerShell.Output.GxAsset", assets.GetProperty("Type").GetString());
        Assert.Equal("64x48", assets.GetProperty("PictureSize").GetString());
        Assert.Equal(session.PictureSha256, assets.GetProperty("PictureSha256").GetString());
        var errorId = Assert.Single(Strings(assets, "UploadErrorIds"));
        Assert.StartsWith("INVALID_ASSET_PATH,", errorId, StringComparison.Ordinal);
        var progress = assets.GetProperty("Progress");
        Assert.Equal(["Uploading clip.mp4", "Uploading picture.png"], Strings(progress, "Activities"));
        Assert.Equal("Completed", progress.GetProperty("LastType").GetString());
        Assert.Contains(100, Ints(progress, "Percents"));
    }

    [Fact]
    public void GetAndRemoveGxAssetFilterConfirmAndCompleteFromTheServer()
    {
        var assets = Seen.GetProperty("Assets");
        var pictureId = assets.GetProperty("PictureId").GetString()!;

        Assert.Equal([pictureId], Strings(assets, "Images"));
        Assert.Equal("picture.png", assets.GetProperty("ById").GetString());
        Assert.Equal(1, assets.GetProperty("FirstOfAll").GetInt32());
        Assert.Equal(0, assets.GetProperty("WhatIfOutput").GetInt32());
        Assert.Equal("GrpcExports.PowerShell.Output.GxAssetDeletion", assets.GetProperty("RemovedType").GetString());
        Assert.False(string.IsNullOrEmpty(assets.GetProperty("RemovedId").GetString()));
        Assert.StartsWith("ASSET_NOT_FOUND,", assets.GetProperty("GoneErrorId").GetString(), StringComparison.Ordinal);
        Assert.Equal([pictureId], Strings(assets, "Completion"));
        Assert.Matches(@"Id\s+FileName\s+Kind\s+SizeBytes\s+Media\s+CreateTime", assets.GetProperty("Table").GetString());
    }

    [Fact]
    public void TestGxProjectAddsTheAssetPreflight()
    {
        var preflight = Seen.GetProperty("Preflight");

        Assert.True(preflight.GetProperty("Valid").GetBoolean());
        Assert.True(preflight.GetProperty("Checked").GetBoolean());
        Assert.True(preflight.GetProperty("AllFound").GetBoolean());
        Assert.Equal(0, preflight.GetProperty("TotalAssets").GetInt32());
    }

    [Fact]
    public void StartGxExportSendsEveryOptionGivenAndWaitGxExportShowsProgressUntilItSucceeds()
    {
        var render = Seen.GetProperty("Render");
        var options = render.GetProperty("Options");

        Assert.Equal("Queued", render.GetProperty("StartedStatus").GetString());
        Assert.Equal("GrpcExports.PowerShell.Output.GxExport", render.GetProperty("StartedType").GetString());
        Assert.Equal("mp4", options.GetProperty("Format").GetString());
        Assert.Equal("480", options.GetProperty("Resolution").GetString());
        Assert.Equal("draft", options.GetProperty("Quality").GetString());
        Assert.Equal(24, options.GetProperty("Fps").GetInt32());
        Assert.Equal("#102030", options.GetProperty("LetterboxColor").GetString());
        Assert.Equal("watermark.png", options.GetProperty("WatermarkMediaPath").GetString());
        Assert.Equal("0.9,0.1", options.GetProperty("WatermarkPosition").GetString());
        Assert.Equal(0.5, options.GetProperty("WatermarkOpacity").GetDouble());
        Assert.Equal("First render", render.GetProperty("Name").GetString());
        Assert.Equal(1, render.GetProperty("ProjectVersion").GetInt64());
        Assert.Equal("Succeeded", render.GetProperty("FinishedStatus").GetString());
        Assert.Equal(100, render.GetProperty("FinishedPercent").GetDouble());
        Assert.Equal(480, render.GetProperty("OutputHeight").GetInt32());
        var progress = render.GetProperty("WaitProgress");
        Assert.Equal([$"Export {ExportId(render)}"], Strings(progress, "Activities"));
        Assert.Equal("Completed", progress.GetProperty("LastType").GetString());
        var percents = Ints(progress, "Percents");
        Assert.NotEmpty(percents);
        Assert.Equal(percents.Order(), percents);
        Assert.Equal(100, percents[^1]);
    }

    [Fact]
    public void SaveGxExportWritesTheVerifiedFileResumesAPartOneAndDeletesACorruptOne()
    {
        var render = Seen.GetProperty("Render");
        var sha256 = render.GetProperty("OutputSha256").GetString();

        Assert.Equal(render.GetProperty("SuggestedName").GetString(), render.GetProperty("SavedName").GetString());
        Assert.Equal(render.GetProperty("OutputSize").GetInt64(), render.GetProperty("SavedSize").GetInt64());
        Assert.Equal(sha256, render.GetProperty("SavedFileSha256").GetString());
        Assert.Equal(sha256, render.GetProperty("SavedSha256").GetString());
        Assert.Equal("GrpcExports.PowerShell.Output.GxExportFile", render.GetProperty("SavedType").GetString());
        var half = render.GetProperty("Half").GetInt64();
        Assert.Equal(half, render.GetProperty("ResumedFrom").GetInt64());
        Assert.Equal(render.GetProperty("OutputSize").GetInt64() - half, render.GetProperty("ResumedDownloaded").GetInt64());
        Assert.Equal(sha256, render.GetProperty("ResumedFileSha256").GetString());
        Assert.Single(Strings(render, "ResumedVerbose"));
        var progress = render.GetProperty("DownloadProgress");
        Assert.Equal("Completed", progress.GetProperty("LastType").GetString());
        Assert.Equal(100, Ints(progress, "Percents")[^1]);
        Assert.True(Ints(progress, "Percents")[0] >= 49, "a resumed download starts at the bytes it had");
        Assert.StartsWith("DOWNLOAD_CHECKSUM_MISMATCH,", render.GetProperty("CorruptErrorId").GetString(), StringComparison.Ordinal);
        Assert.False(render.GetProperty("CorruptLeft").GetBoolean());
    }

    [Fact]
    public void ExportsRenderAsATableAndOneExportAsAListAndIdsAndOptionValuesComplete()
    {
        var render = Seen.GetProperty("Render");

        Assert.Matches(@"Id\s+Name\s+Status\s+Percent\s+Options\s+CreateTime", render.GetProperty("Table").GetString());
        Assert.Contains("mp4 480p 24fps draft watermark", render.GetProperty("Table").GetString(), StringComparison.Ordinal);
        Assert.Matches(@"Progress\s+: 100% ", render.GetProperty("List").GetString());
        var fileName = System.Text.RegularExpressions.Regex.Escape(render.GetProperty("SuggestedName").GetString()!);
        Assert.Matches($@"File\s+: {fileName} \(", render.GetProperty("List").GetString());
        Assert.Equal([ExportId(render)], Strings(render, "Completion"));
        Assert.Equal(["1080", "480", "4k", "720"], Strings(render, "OptionCompletion").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AFoldersProjectsFlowThroughStartWaitAndSaveAndAStatelessExportWaitsAndSavesIntoANewFolder()
    {
        var pipeline = Seen.GetProperty("Pipeline");

        Assert.Equal(2, Strings(pipeline, "Saved").Length);
        Assert.Equal(Strings(pipeline, "Saved"), Strings(pipeline, "Files"));
        Assert.Equal(2, pipeline.GetProperty("ProjectExports").GetInt32());
        Assert.Equal(1, pipeline.GetProperty("SecondExports").GetInt32());
        Assert.Equal("Succeeded", pipeline.GetProperty("StatelessStatus").GetString());
        Assert.Equal("", pipeline.GetProperty("StatelessProjectId").GetString());
        Assert.Equal([pipeline.GetProperty("StatelessFileName").GetString()!], Strings(pipeline, "NewFolderFiles"));
        Assert.EndsWith($"new-folder{Path.DirectorySeparatorChar}{pipeline.GetProperty("StatelessFileName").GetString()}",
            pipeline.GetProperty("NewFolderSaved").GetString(), StringComparison.Ordinal);
        Assert.Equal(["Succeeded", "Succeeded"], Strings(pipeline, "Listed"));
    }

    [Fact]
    public void AFailedRenderWarnsAndTheRetryExampleRendersItAgainOnce()
    {
        var retry = Seen.GetProperty("Retry");
        var failedId = retry.GetProperty("FailedId").GetString();

        Assert.Equal("Failed", retry.GetProperty("FailedStatus").GetString());
        Assert.False(string.IsNullOrEmpty(retry.GetProperty("FailedReason").GetString()));
        Assert.StartsWith($"Export {failedId} failed: {retry.GetProperty("FailedReason").GetString()}: ", Assert.Single(Strings(retry, "FailedWarnings")),
            StringComparison.Ordinal);
        Assert.Equal(0, retry.GetProperty("WhatIfOutput").GetInt32());
        Assert.Equal([$"{retry.GetProperty("ProjectId").GetString()} Succeeded retry-{failedId}"], Strings(retry, "Retried"));
        Assert.Equal(Strings(retry, "RetriedIds"), Strings(retry, "RetriedAgainIds"));
        Assert.Equal(2, retry.GetProperty("ExportsOfProject").GetInt32());
        Assert.Equal("draft mp4", retry.GetProperty("RetryOptions").GetString());
    }

    [Fact]
    public void TheNightlyExampleRendersWhatChangedWithTheWatermarkAndReportsWhatCannotRender()
    {
        var nightly = Seen.GetProperty("Nightly");

        Assert.Equal(0, nightly.GetProperty("WhatIfOutput").GetInt32());
        Assert.False(nightly.GetProperty("WhatIfCreatedFolder").GetBoolean());
        Assert.Equal([nightly.GetProperty("NightlyExportId").GetString()!], Strings(nightly, "Saved"));
        Assert.Equal("watermark.png", nightly.GetProperty("Watermark").GetString());
        Assert.Single(Strings(nightly, "Files"));
        Assert.StartsWith("INVALID_REQUEST,", Assert.Single(Strings(nightly, "ErrorIds")), StringComparison.Ordinal);
        Assert.Equal([nightly.GetProperty("BlankId").GetString()!], Strings(nightly, "ErrorTargets"));
    }

    [Fact]
    public void TheCleanupExampleRemovesFinishedExports()
    {
        var cleanup = Seen.GetProperty("Cleanup");
        var before = cleanup.GetProperty("FinishedBefore").GetInt32();

        Assert.True(before >= 6);
        Assert.Equal(0, cleanup.GetProperty("WhatIfOutput").GetInt32());
        Assert.Equal(before, cleanup.GetProperty("Removed").GetInt32());
        Assert.Equal(0, cleanup.GetProperty("FinishedAfter").GetInt32());
        Assert.Empty(Strings(cleanup, "Warnings"));
    }

    [Fact]
    public void TheActiveExportLimitIsAnErrorNamedByItsReasonAndAClientTaskIdFindsTheEarlierExport()
    {
        var queued = Seen.GetProperty("Queued");

        Assert.Equal("Queued", queued.GetProperty("FirstStatus").GetString());
        Assert.Equal(queued.GetProperty("FirstId").GetString(), queued.GetProperty("DeduplicatedId").GetString());
        Assert.Contains(Strings(queued, "DeduplicatedVerbose"), line => line.StartsWith("Client task id 'task-1' names export ", StringComparison.Ordinal));
        Assert.Equal("Queued", queued.GetProperty("SecondStatus").GetString());
        Assert.StartsWith("EXPORT_CONCURRENCY_LIMIT_EXCEEDED,", queued.GetProperty("LimitErrorId").GetString(), StringComparison.Ordinal);
        Assert.Equal("LimitsExceeded", queued.GetProperty("LimitCategory").GetString());
        Assert.Equal(queued.GetProperty("ProjectId").GetString(), queued.GetProperty("LimitTarget").GetString());
    }

    [Fact]
    public void WaitGxExportTimesOutStopGxExportCancelsAndBadInputIsRefused()
    {
        var queued = Seen.GetProperty("Queued");

        Assert.Equal(0, queued.GetProperty("TimeoutOutput").GetInt32());
        Assert.StartsWith("DEADLINE_EXCEEDED,", queued.GetProperty("TimeoutErrorId").GetString(), StringComparison.Ordinal);
        Assert.Equal("OperationTimeout", queued.GetProperty("TimeoutCategory").GetString());
        Assert.StartsWith("EXPORT_NOT_READY,", queued.GetProperty("NotReadyErrorId").GetString(), StringComparison.Ordinal);
        Assert.False(queued.GetProperty("NotReadyLeftFile").GetBoolean());
        Assert.Equal(0, queued.GetProperty("StopWhatIfOutput").GetInt32());
        Assert.Equal("Queued", queued.GetProperty("StillQueued").GetString());
        Assert.Equal("Cancelled", queued.GetProperty("Stopped").GetString());
        Assert.Equal(0, queued.GetProperty("StopAgainErrors").GetInt32());
        Assert.Equal([queued.GetProperty("FirstId").GetString()!], Strings(queued, "Cancelled"));
        Assert.StartsWith("INVALID_REQUEST,", queued.GetProperty("BadOptionsErrorId").GetString(), StringComparison.Ordinal);
        Assert.Contains("options.custom_width", queued.GetProperty("BadOptionsMessage").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("ParameterArgumentValidationError,", queued.GetProperty("BadFormatErrorId").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void StoppingThePipelineCancelsAWaitAndLeavesTheExportAlone()
    {
        var stop = Seen.GetProperty("StopWait");

        Assert.True(stop.GetProperty("Stopped").GetBoolean());
        Assert.Equal("Stopped", stop.GetProperty("State").GetString());
        Assert.Equal("Queued", stop.GetProperty("StillQueued").GetString());
    }

    [Fact]
    public void ConnectGxServerSendsTheCredentialsFilesKeyOnlyToItsOwnEndpoint()
    {
        Assert.Equal(
            ["Bearer key-from-file", "Bearer key-from-file", AuthorizationRecordingServer.NoHeader, "Bearer key-from-environment", "Bearer key-from-xdg",
                AuthorizationRecordingServer.NoHeader],
            session.Recorded);
        var keys = Seen.GetProperty("Keys");
        Assert.Contains("is not JSON", Assert.Single(Strings(keys, "BrokenFileWarnings")), StringComparison.Ordinal);
        Assert.Equal($"CredentialsFile True {session.RenderEndpoint}", keys.GetProperty("FromFile").GetString());
        Assert.Equal("ApiKey True", keys.GetProperty("FromParameter").GetString());
        Assert.Equal("None False", keys.GetProperty("WithoutKey").GetString());
        Assert.Matches(@"ApiKeySource\s+: CredentialsFile", keys.GetProperty("Rendered").GetString());
    }

    private static string ExportId(JsonElement render) => render.GetProperty("Id").GetString()!;

    private static string[] Strings(JsonElement parent, string property) =>
        parent.GetProperty(property).EnumerateArray().Select(item => item.GetString()!).ToArray();

    private static int[] Ints(JsonElement parent, string property) =>
        parent.GetProperty(property).EnumerateArray().Select(item => item.GetInt32()).ToArray();

    /// <summary>Starts the servers, makes the media and documents, runs ExportCmdletsSession.ps1 once, and keeps what it saw.</summary>
    public sealed class Session : IAsyncLifetime
    {
        private readonly TemporaryDirectory _files = new();
        private readonly MediaSamples _media = new();
        private ExportServer? _renderer;
        private ExportServer? _queued;
        private AuthorizationRecordingServer? _recording;

        public JsonElement Report { get; private set; }

        public IReadOnlyList<string> Recorded { get; private set; } = [];

        public Uri RenderEndpoint => _renderer!.Address;

        public long PictureSize { get; private set; }

        public long ClipSize { get; private set; }

        public string PictureSha256 { get; private set; } = "";

        public async Task InitializeAsync()
        {
            _renderer = await ExportServer.StartAsync();
            _queued = await ExportServer.StartAsync("--Exports:Workers=0");
            _recording = await AuthorizationRecordingServer.StartAsync();
            var picture = await _media.PngAsync(64, 48);
            var clip = await _media.VideoAsync(1);
            PictureSize = picture.Length;
            ClipSize = clip.Length;
            PictureSha256 = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(picture)).ToLowerInvariant();
            await File.WriteAllBytesAsync(Path.Combine(_files.Path, "picture.png"), picture);
            await File.WriteAllBytesAsync(Path.Combine(_files.Path, "clip.mp4"), clip);
            await File.WriteAllBytesAsync(Path.Combine(_renderer.MediaDirectory, "watermark.png"), picture);
            await File.WriteAllTextAsync(Path.Combine(_renderer.MediaDirectory, "broken.png"), "not an image");
            await File.WriteAllTextAsync(Path.Combine(_files.Path, "solid.json"), new EditorStateDocument(160, 90)
                .Track("track-1", "solid")
                .Solid("solid", "#3366ff", 0, Seconds(1), left: 0, top: 0, width: 160, height: 90)
                .ToJson());
            await File.WriteAllTextAsync(Path.Combine(_files.Path, "broken-image.json"), new EditorStateDocument(160, 90)
                .Track("track-1", "image")
                .ImageAsset("picture", "broken.png", 64, 48)
                .Image("image", "picture", 0, Seconds(1), left: 0, top: 0, width: 160, height: 90)
                .ToJson());
            Report = await SessionScript.RunAsync("ExportCmdletsSession.ps1",
                ("Endpoint", _renderer.Address.ToString()),
                ("ApiKey", _renderer.ApiKey),
                ("QueuedEndpoint", _queued.Address.ToString()),
                ("QueuedApiKey", _queued.ApiKey),
                ("RecordingEndpoint", _recording.Address.ToString()),
                ("MediaDirectory", _renderer.MediaDirectory),
                ("FilesDirectory", _files.Path),
                ("ExamplesDirectory", Path.Combine(RepoPaths.Root, "examples")));
            Recorded = _recording.Received;
        }

        public async Task DisposeAsync()
        {
            if (_recording is not null)
            {
                await _recording.DisposeAsync();
            }
            if (_queued is not null)
            {
                await _queued.DisposeAsync();
            }
            if (_renderer is not null)
            {
                await _renderer.DisposeAsync();
            }
            _media.Dispose();
            _files.Dispose();
        }
    }
}
