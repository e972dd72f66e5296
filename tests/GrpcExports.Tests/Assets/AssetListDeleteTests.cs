using System.Text.Json.Nodes;
using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Projects;

namespace GrpcExports.Tests.Assets;

/// <summary>ListAssets paging and filters, and DeleteAsset: shared content, freed bytes, and refusal while a project uses the asset.</summary>
public sealed class AssetListDeleteTests(AssetServerFixture server) : IClassFixture<AssetServerFixture>, IDisposable
{
    private readonly GrpcConnection _connection = server.Connect();
    private readonly MediaSamples _samples = new();

    private AssetServiceClient Assets => new(_connection);

    private ProjectServiceClient Projects => new(_connection);

    public void Dispose()
    {
        _samples.Dispose();
        _connection.Dispose();
    }

    [Fact]
    public async Task PagesAProjectsAssetsNewestFirstAndFiltersByKind()
    {
        var project = await NewProjectAsync(ProjectDocuments.CorpusJson("editor-state.valid.json"));
        var png = await _samples.PngAsync(16, 16);
        var uploaded = new List<Asset>();
        for (var i = 0; i < 5; i++)
        {
            uploaded.Add((await Assets.UploadAsync($"still-{i}.png", png, projectId: project)).Asset);
        }
        var video = (await Assets.UploadAsync("clip.mp4", await _samples.VideoAsync(seconds: 1), projectId: project)).Asset;
        uploaded.Add(video);
        await Assets.UploadAsync("elsewhere.png", png);

        var pages = new List<ListAssetsResponse>();
        var token = "";
        do
        {
            var page = await Assets.ListAssetsAsync(new ListAssetsRequest { ProjectId = project, PageSize = 4, PageToken = token });
            pages.Add(page);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal([4, 2], pages.Select(p => p.Assets.Count));
        Assert.Equal(uploaded.AsEnumerable().Reverse().Select(a => a.Id), pages.SelectMany(p => p.Assets).Select(a => a.Id));
        var videos = await Assets.ListAssetsAsync(new ListAssetsRequest { ProjectId = project, Kind = AssetKind.Video });
        Assert.Equal([video.Id], videos.Assets.Select(a => a.Id));
        var changedFilter = await Assert.ThrowsAsync<RpcException>(() => Assets.ListAssetsAsync(
            new ListAssetsRequest { ProjectId = project, Kind = AssetKind.Image, PageToken = pages[0].NextPageToken }));
        Assert.Equal((StatusCode.InvalidArgument, "INVALID_PAGE_TOKEN"), (changedFilter.StatusCode, changedFilter.Reason));
    }

    [Fact]
    public async Task DeletingOneOfTwoSharersKeepsTheContentAndTheLastFreesIt()
    {
        var png = await _samples.PngAsync(20, 10);
        var first = (await Assets.UploadAsync("a.png", png)).Asset;
        var second = (await Assets.UploadAsync("b.png", png)).Asset;
        var content = Path.Combine(server.AssetDirectory, "content", first.Sha256[..2], first.Sha256);

        var shared = await Assets.DeleteAssetAsync(new DeleteAssetRequest { AssetId = first.Id });
        Assert.Equal(0, shared.FreedBytes);
        Assert.True(File.Exists(content));
        var last = await Assets.DeleteAssetAsync(new DeleteAssetRequest { AssetId = second.Id });

        Assert.Equal(png.Length, last.FreedBytes);
        Assert.False(File.Exists(content));
        var gone = await Assert.ThrowsAsync<RpcException>(() => Assets.GetAssetAsync(new GetAssetRequest { AssetId = first.Id }));
        Assert.Equal((StatusCode.NotFound, "ASSET_NOT_FOUND", first.Id), (gone.StatusCode, gone.Reason, gone.ErrorInfo!.Metadata["assetId"]));
        var again = await Assert.ThrowsAsync<RpcException>(() => Assets.DeleteAssetAsync(new DeleteAssetRequest { AssetId = second.Id }));
        Assert.Equal((StatusCode.NotFound, "ASSET_NOT_FOUND"), (again.StatusCode, again.Reason));
    }

    [Fact]
    public async Task RefusesToDeleteAnAssetASavedVersionReferencesNamingTheProject()
    {
        var asset = (await Assets.UploadAsync("cover.png", await _samples.PngAsync(40, 30))).Asset;
        var document = JsonNode.Parse(ProjectDocuments.CorpusJson("editor-state.valid.json"))!;
        document["assets"]!["asset-image-1"]!["remoteKey"] = asset.Id;
        var project = await NewProjectAsync(document.ToJsonString());
        // The latest version no longer has the asset: version 1 still does.
        document["assets"]!["asset-image-1"]!["remoteKey"] = "cover.png";
        await Projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = project, EditorState = ProjectDocuments.Parse(document.ToJsonString()) });

        var error = await Assert.ThrowsAsync<RpcException>(() => Assets.DeleteAssetAsync(new DeleteAssetRequest { AssetId = asset.Id }));

        Assert.Equal((StatusCode.FailedPrecondition, "ASSET_IN_USE"), (error.StatusCode, error.Reason));
        Assert.Equal(project, error.ErrorInfo!.Metadata["projectIds"]);
        var referrer = Assert.Single(error.Find<Google.Rpc.PreconditionFailure>()!.Violations);
        Assert.Equal(("PROJECT", $"{project}@1"), (referrer.Type, referrer.Subject));
        Assert.Equal(asset, (await Assets.GetAssetAsync(new GetAssetRequest { AssetId = asset.Id })).Asset);

        await Projects.DeleteProjectAsync(new DeleteProjectRequest { ProjectId = project });
        Assert.Equal(asset.Id, (await Assets.DeleteAssetAsync(new DeleteAssetRequest { AssetId = asset.Id })).AssetId);
    }

    [Fact]
    public async Task AnswersBadIdsWithTheField()
    {
        var missing = await Assert.ThrowsAsync<RpcException>(() => Assets.GetAssetAsync(new GetAssetRequest()));
        var malformed = await Assert.ThrowsAsync<RpcException>(() => Assets.DeleteAssetAsync(new DeleteAssetRequest { AssetId = "x" }));
        var unknownProject = await Assert.ThrowsAsync<RpcException>(() => Assets.ListAssetsAsync(new ListAssetsRequest { ProjectId = Guid.NewGuid().ToString() }));

        Assert.Equal((StatusCode.InvalidArgument, "asset_id"), (missing.StatusCode, Assert.Single(missing.BadRequest!.FieldViolations).Field));
        Assert.Equal((StatusCode.InvalidArgument, "asset_id"), (malformed.StatusCode, Assert.Single(malformed.BadRequest!.FieldViolations).Field));
        Assert.Equal((StatusCode.NotFound, "PROJECT_NOT_FOUND"), (unknownProject.StatusCode, unknownProject.Reason));
    }

    private async Task<string> NewProjectAsync(string editorStateJson) =>
        (await Projects.CreateProjectAsync(new CreateProjectRequest { Project = new Project { Title = "assets", EditorState = ProjectDocuments.Parse(editorStateJson) } })).Project.Id;
}
