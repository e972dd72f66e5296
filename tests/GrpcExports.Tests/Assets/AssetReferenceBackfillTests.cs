using System.Text.Json.Nodes;
using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Projects;
using GrpcExports.Tests.Support;
using Npgsql;

namespace GrpcExports.Tests.Assets;

/// <summary>
/// Migration 0009 fills project_asset_references from the projects saved before it, so upgrading a database keeps
/// DeleteAsset's refusal for the versions saved by an older server.
/// </summary>
public sealed class AssetReferenceBackfillTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly MediaSamples _samples = new();

    public void Dispose()
    {
        _samples.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task Upgrading_a_database_records_the_references_of_versions_saved_before()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        string assetId, projectId;
        await using (var server = await StartAsync(database))
        {
            using var connection = server.Connect();
            assetId = (await new AssetServiceClient(connection).UploadAsync("cover.png", await _samples.PngAsync(16, 16))).Asset.Id;
            var document = JsonNode.Parse(ProjectDocuments.CorpusJson("editor-state.valid.json"))!;
            document["assets"]!["asset-image-1"]!["remoteKey"] = assetId;
            var projects = new ProjectServiceClient(connection);
            projectId = (await projects.CreateProjectAsync(new CreateProjectRequest
            {
                Project = new Project { EditorState = ProjectDocuments.Parse(document.ToJsonString()) },
            })).Project.Id;
            document["assets"]!["asset-image-1"]!["remoteKey"] = "cover.png";
            await projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = projectId, EditorState = ProjectDocuments.Parse(document.ToJsonString()) });
        }
        // The database as a server without migration 0009 left it.
        await ExecuteAsync(database, """
            DROP TABLE project_asset_references, export_asset_references;
            DELETE FROM schema_migrations WHERE version = 9;
            """);

        await using var upgraded = await StartAsync(database);
        using var upgradedConnection = upgraded.Connect();
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new AssetServiceClient(upgradedConnection).DeleteAssetAsync(new DeleteAssetRequest { AssetId = assetId }));

        Assert.Equal((StatusCode.FailedPrecondition, "ASSET_IN_USE"), (error.StatusCode, error.Reason));
        var referrer = Assert.Single(error.Find<Google.Rpc.PreconditionFailure>()!.Violations);
        Assert.Equal(("PROJECT", $"{projectId}@1"), (referrer.Type, referrer.Subject));
    }

    private Task<RunningServer> StartAsync(string database) => RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0",
        $"--Database:ConnectionString={database}", $"--Assets:Directory={Path.Combine(_directory.Path, "assets")}");

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
