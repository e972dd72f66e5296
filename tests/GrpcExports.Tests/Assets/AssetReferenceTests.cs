using System.Text.Json.Nodes;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Projects;
using GrpcExports.Tests.Rendering;
using Npgsql;
using static GrpcExports.Tests.Rendering.EditorStateDocument;

namespace GrpcExports.Tests.Assets;

/// <summary>
/// The asset-reference table behind DeleteAsset's in-use refusal: maintained when versions are saved (create, clone,
/// sync, revert), and joined by active exports, whose referrers are named too.
/// </summary>
public sealed class AssetReferenceTests : IAsyncLifetime
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
    public async Task A_clone_carries_the_reference_after_its_source_is_deleted()
    {
        var asset = await UploadAsync();
        var source = await CreateProjectAsync(StillDocument(asset.Id));
        var clone = (await _server.Server.Projects.CloneProjectAsync(new CloneProjectRequest { ProjectId = source })).Project.Id;
        await _server.Server.Projects.DeleteProjectAsync(new DeleteProjectRequest { ProjectId = source });

        var error = await RefusedDeleteAsync(asset.Id);

        Assert.Equal(clone, error.ErrorInfo!.Metadata["projectIds"]);
        var referrer = Assert.Single(error.Find<Google.Rpc.PreconditionFailure>()!.Violations);
        Assert.Equal(("PROJECT", $"{clone}@1"), (referrer.Type, referrer.Subject));
        await _server.Server.Projects.DeleteProjectAsync(new DeleteProjectRequest { ProjectId = clone });
        Assert.Equal(asset.Id, (await _server.Assets.DeleteAssetAsync(new DeleteAssetRequest { AssetId = asset.Id })).AssetId);
    }

    [Fact]
    public async Task Syncs_and_reverts_record_the_newest_version_that_references_the_asset()
    {
        var asset = await UploadAsync();
        var other = await UploadAsync();
        var project = await CreateProjectAsync(StillDocument(asset.Id));
        await SyncAsync(project, StillDocument(other.Id));
        await _server.Server.Projects.RevertProjectAsync(new RevertProjectRequest { ProjectId = project, Version = 1 });

        Assert.Equal([(asset.Id, 3L), (other.Id, 2L)], (await ReferenceRowsAsync(project)).OrderBy(r => r.Version == 2));
        var error = await RefusedDeleteAsync(asset.Id);
        Assert.Equal(("PROJECT", $"{project}@3"), Subject(Assert.Single(error.Find<Google.Rpc.PreconditionFailure>()!.Violations)));
        // Version 2 still references the other asset: history keeps it in use.
        var kept = await RefusedDeleteAsync(other.Id);
        Assert.Equal(("PROJECT", $"{project}@2"), Subject(Assert.Single(kept.Find<Google.Rpc.PreconditionFailure>()!.Violations)));
    }

    [Fact]
    public async Task Only_asset_references_count_not_the_id_appearing_elsewhere_in_the_document()
    {
        var asset = await UploadAsync();
        var document = JsonNode.Parse(StillDocument("media:still.png"))!;
        document["items"]!["picture"]!["note"] = asset.Id;
        var project = await CreateProjectAsync(document.ToJsonString());

        Assert.Empty(await ReferenceRowsAsync(project));
        Assert.Equal(asset.Id, (await _server.Assets.DeleteAssetAsync(new DeleteAssetRequest { AssetId = asset.Id })).AssetId);
    }

    [Fact]
    public async Task An_active_export_keeps_its_assets_until_it_is_cancelled()
    {
        var asset = await UploadAsync();
        var export = (await _server.Server.Exports.CreateExportAsync(new CreateExportRequest
        {
            EditorState = ProjectDocuments.Parse(StillDocument(asset.Id)),
        })).Export;

        var error = await RefusedDeleteAsync(asset.Id);

        Assert.Equal(ExportStatus.Queued, export.Status);
        Assert.Equal(("", export.Id), (error.ErrorInfo!.Metadata["projectIds"], error.ErrorInfo.Metadata["exportIds"]));
        Assert.Equal(("EXPORT", export.Id), Subject(Assert.Single(error.Find<Google.Rpc.PreconditionFailure>()!.Violations)));
        Assert.Contains($"export {export.Id}", error.Detail);
        await _server.Server.Exports.CancelExportAsync(new CancelExportRequest { ExportId = export.Id });
        Assert.Equal(asset.Id, (await _server.Assets.DeleteAssetAsync(new DeleteAssetRequest { AssetId = asset.Id })).AssetId);
    }

    private async Task<Asset> UploadAsync() =>
        (await _server.Assets.UploadAsync($"{Guid.NewGuid():N}.png", await _samples.PngAsync(16, 16))).Asset;

    private async Task<RpcException> RefusedDeleteAsync(string assetId)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _server.Assets.DeleteAssetAsync(new DeleteAssetRequest { AssetId = assetId }));
        Assert.Equal((StatusCode.FailedPrecondition, "ASSET_IN_USE", assetId), (error.StatusCode, error.Reason, error.ErrorInfo!.Metadata["assetId"]));
        Assert.NotNull((await _server.Assets.GetAssetAsync(new GetAssetRequest { AssetId = assetId })).Asset);
        return error;
    }

    private static (string, string) Subject(Google.Rpc.PreconditionFailure.Types.Violation violation) => (violation.Type, violation.Subject);

    private async Task<List<(string AssetId, long Version)>> ReferenceRowsAsync(string projectId)
    {
        await using var connection = new NpgsqlConnection(_server.Server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT asset_id, latest_version FROM project_asset_references WHERE project_id = @project ORDER BY asset_id", connection);
        command.Parameters.AddWithValue("project", Guid.Parse(projectId));
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, long)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetGuid(0).ToString(), reader.GetInt64(1)));
        }
        return rows;
    }

    private static string StillDocument(string remoteKey) => new EditorStateDocument(160, 90)
        .Track("track-1", "picture")
        .ImageAsset("still", remoteKey, 16, 16)
        .Image("picture", "still", 0, Seconds(1), left: 0, top: 0, width: 160, height: 90)
        .ToJson();

    private async Task<string> CreateProjectAsync(string json) => (await _server.Server.Projects.CreateProjectAsync(
        new CreateProjectRequest { Project = new Project { EditorState = ProjectDocuments.Parse(json) } })).Project.Id;

    private Task SyncAsync(string projectId, string json) =>
        _server.Server.Projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = projectId, EditorState = ProjectDocuments.Parse(json) });
}
