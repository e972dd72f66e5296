using Google.Protobuf.WellKnownTypes;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Rendering.Tools;
using GrpcExports.Tests.ProjectFiles;
using GrpcExports.Tests.Projects;
using GrpcExports.Tests.Rendering;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Thumbnails;

/// <summary>
/// GetProjectThumbnail of a known 320x180, 4 s composition over a navy background: a red box (top-left quarter,
/// 1-3 s) and a green one (bottom-right quarter, 2-4 s). Pixels are read back by ImageMagick.
/// </summary>
public sealed class ProjectThumbnailTests(OneProjectFileServer fixture) : IClassFixture<OneProjectFileServer>, IDisposable
{
    private static readonly Color Navy = new(0, 0, 0x80), Red = new(0xff, 0, 0), Green = new(0, 0xff, 0);

    private readonly TemporaryDirectory _scratch = new();

    private ProjectFileServer Server => fixture.Server;

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task TheDefaultFrameIsTheFirstWithContentAtTheRequestedWidth()
    {
        var project = await CreateAsync();

        var thumbnail = await ThumbnailAsync(new GetProjectThumbnailRequest { ProjectId = project.Id, Width = 160 });

        Assert.Equal(("image/png", 160, 90, 1L), (thumbnail.ContentType, thumbnail.Width, thumbnail.Height, thumbnail.ProjectVersion));
        Assert.Equal(TimeSpan.FromSeconds(1), Assert.Single(thumbnail.FrameTimes).ToTimeSpan());
        var png = await DecodeAsync(thumbnail);
        PixelAssert.Near(Red, png[40, 22], where: "the red box");
        PixelAssert.Near(Navy, png[120, 67], where: "where the green box is not yet");
        PixelAssert.Near(Navy, png[120, 22], where: "the background");
    }

    [Fact]
    public async Task AFrameAtAGivenTimeShowsWhatIsOnScreenThen()
    {
        var project = await CreateAsync();

        var thumbnail = await ThumbnailAsync(new GetProjectThumbnailRequest { ProjectId = project.Id, Time = Seconds(2.5) });

        Assert.Equal((320, 180), (thumbnail.Width, thumbnail.Height));
        Assert.Equal(TimeSpan.FromSeconds(2.5), Assert.Single(thumbnail.FrameTimes).ToTimeSpan());
        var png = await DecodeAsync(thumbnail);
        PixelAssert.Near(Red, png[80, 45], where: "the red box");
        PixelAssert.Near(Green, png[240, 135], where: "the green box");
        PixelAssert.Near(Navy, png[240, 45], where: "the background");
        PixelAssert.Near(Navy, png[80, 135], where: "the background");
    }

    [Fact]
    public async Task AJpegHasTheSameColoursWithinItsLoss()
    {
        var project = await CreateAsync();

        var thumbnail = await ThumbnailAsync(new GetProjectThumbnailRequest { ProjectId = project.Id, Time = Seconds(2.5), Format = ImageFormat.Jpeg });

        Assert.Equal(("image/jpeg", 0xFF, 0xD8), (thumbnail.ContentType, thumbnail.Image[0], thumbnail.Image[1]));
        var jpeg = Path.Combine(_scratch.Path, $"{Guid.NewGuid():N}.jpg");
        var png = Path.ChangeExtension(jpeg, ".png");
        await File.WriteAllBytesAsync(jpeg, thumbnail.Image.ToByteArray());
        var converted = await ExternalProcess.RunAsync(MediaTools.Default.ImageMagickConvert, [$"jpg:{jpeg}", $"png:{png}"]);
        Assert.True(converted.ExitCode == 0, converted.ToString());
        var decoded = await DecodedPng.ReadAsync(png, 320, 180);
        PixelAssert.Near(Red, decoded[80, 45], tolerance: 12, where: "the red box");
        PixelAssert.Near(Green, decoded[240, 135], tolerance: 12, where: "the green box");
        PixelAssert.Near(Navy, decoded[240, 45], tolerance: 12, where: "the background");
    }

    [Fact]
    public async Task AContactSheetShowsTheMiddleOfEachPartInAGrid()
    {
        var project = await CreateAsync();

        var sheet = await ThumbnailAsync(new GetProjectThumbnailRequest { ProjectId = project.Id, Width = 320, FrameCount = 4 });

        Assert.Equal((320, 180), (sheet.Width, sheet.Height));
        Assert.Equal([0.5, 1.5, 2.5, 3.5], sheet.FrameTimes.Select(time => time.ToTimeSpan().TotalSeconds));
        var png = await DecodeAsync(sheet);
        PixelAssert.Near(Navy, png[40, 22], where: "tile 0 (0.5 s): nothing yet");
        PixelAssert.Near(Red, png[160 + 40, 22], where: "tile 1 (1.5 s): the red box");
        PixelAssert.Near(Navy, png[160 + 120, 67], where: "tile 1 (1.5 s): no green box yet");
        PixelAssert.Near(Red, png[40, 90 + 22], where: "tile 2 (2.5 s): the red box");
        PixelAssert.Near(Green, png[120, 90 + 67], where: "tile 2 (2.5 s): the green box");
        PixelAssert.Near(Navy, png[160 + 40, 90 + 22], where: "tile 3 (3.5 s): the red box has ended");
        PixelAssert.Near(Green, png[160 + 120, 90 + 67], where: "tile 3 (3.5 s): the green box");
    }

    [Fact]
    public async Task ARepeatAndACloneAreServedFromTheCache()
    {
        var project = await CreateAsync(redLeft: 8);
        var request = new GetProjectThumbnailRequest { ProjectId = project.Id, Width = 200, Time = Seconds(1.25) };
        var first = await ThumbnailAsync(request);
        var cached = CachedFiles();

        var again = await ThumbnailAsync(request);
        var clone = (await Server.Projects.CloneProjectAsync(new CloneProjectRequest { ProjectId = project.Id })).Project;
        var ofClone = await ThumbnailAsync(new GetProjectThumbnailRequest(request) { ProjectId = clone.Id });

        Assert.Equal(first.Image, again.Image);
        Assert.Equal(first.Image, ofClone.Image);
        Assert.Equal(cached, CachedFiles());
        Assert.Contains(cached, file => file.EndsWith(".png", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APastVersionIsDrawnAsItWas()
    {
        var project = await CreateAsync();
        await Server.Projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = project.Id, EditorState = ProjectDocuments.Parse(Composition(redLeft: 160)) });

        var past = await DecodeAsync(await ThumbnailAsync(new GetProjectThumbnailRequest { ProjectId = project.Id, Version = 1, Time = Seconds(1.5) }));
        var latest = await ThumbnailAsync(new GetProjectThumbnailRequest { ProjectId = project.Id, Time = Seconds(1.5) });

        Assert.Equal(2L, latest.ProjectVersion);
        PixelAssert.Near(Red, past[80, 45], where: "version 1: the red box on the left");
        PixelAssert.Near(Navy, (await DecodeAsync(latest))[80, 45], where: "version 2: the red box moved right");
    }

    [Fact]
    public async Task BadRequestsNameTheirField()
    {
        var project = await CreateAsync();

        await AssertInvalidAsync(new GetProjectThumbnailRequest { ProjectId = project.Id, Width = 8 }, "width");
        await AssertInvalidAsync(new GetProjectThumbnailRequest { ProjectId = project.Id, Width = 4000 }, "width");
        await AssertInvalidAsync(new GetProjectThumbnailRequest { ProjectId = project.Id, Time = Seconds(4) }, "time");
        await AssertInvalidAsync(new GetProjectThumbnailRequest { ProjectId = project.Id, FrameCount = 65 }, "frame_count");
        await AssertInvalidAsync(new GetProjectThumbnailRequest { ProjectId = project.Id, FrameCount = 4, Time = Seconds(1) }, "time");
        var version = await Assert.ThrowsAsync<RpcException>(() => Server.Projects.GetProjectThumbnailAsync(
            new GetProjectThumbnailRequest { ProjectId = project.Id, Version = 9 }));
        ProjectAssertions.AssertVersionNotFound(version, project.Id, 9, 1);
    }

    [Fact]
    public async Task AnAssetThatIsNotUploadedIsReportedMissing()
    {
        var document = new EditorStateDocument(320, 180)
            .ImageAsset("gone", Guid.NewGuid().ToString(), 64, 48)
            .Track("pictures", "picture")
            .Image("picture", "gone", 0, EditorStateDocument.Seconds(1), 0, 0, 64, 48);
        var project = (await Server.Projects.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project { Title = "Missing picture", EditorState = ProjectDocuments.Parse(document.ToJson()) },
        })).Project;
        var before = CachedFiles();

        var error = await Assert.ThrowsAsync<RpcException>(() => Server.Projects.GetProjectThumbnailAsync(new GetProjectThumbnailRequest { ProjectId = project.Id }));

        Assert.Equal((StatusCode.FailedPrecondition, "ASSETS_MISSING", "gone"), (error.StatusCode, error.Reason, error.ErrorInfo!.Metadata["assetKeys"]));
        Assert.Equal(before, CachedFiles());
    }

    private async Task AssertInvalidAsync(GetProjectThumbnailRequest request, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Server.Projects.GetProjectThumbnailAsync(request));
        ProjectAssertions.AssertInvalid(error, "INVALID_REQUEST", field);
    }

    private static string Composition(double redLeft) => new EditorStateDocument(320, 180)
        .BackgroundColor("#000080")
        .Track("top", "red")
        .Track("bottom", "green")
        .Solid("red", "#ff0000", EditorStateDocument.Seconds(1), EditorStateDocument.Seconds(2), redLeft, 0, 160, 90)
        .Solid("green", "#00ff00", EditorStateDocument.Seconds(2), EditorStateDocument.Seconds(2), 160, 90, 160, 90)
        .ToJson();

    private async Task<Project> CreateAsync(double redLeft = 0) => (await Server.Projects.CreateProjectAsync(new CreateProjectRequest
    {
        Project = new Project { Title = "Boxes", EditorState = ProjectDocuments.Parse(Composition(redLeft)) },
    })).Project;

    private Task<GetProjectThumbnailResponse> ThumbnailAsync(GetProjectThumbnailRequest request) => Server.Projects.GetProjectThumbnailAsync(request);

    private async Task<DecodedPng> DecodeAsync(GetProjectThumbnailResponse thumbnail)
    {
        var path = Path.Combine(_scratch.Path, $"{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(path, thumbnail.Image.ToByteArray());
        return await DecodedPng.ReadAsync(path, thumbnail.Width, thumbnail.Height);
    }

    private string[] CachedFiles() => Directory.Exists(Server.ThumbnailDirectory)
        ? Directory.GetFiles(Server.ThumbnailDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
        : [];

    private static Duration Seconds(double seconds) => Duration.FromTimeSpan(TimeSpan.FromSeconds(seconds));
}
