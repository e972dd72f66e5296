using System.Text.Json.Nodes;
using Google.Protobuf;
using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Support;
using Npgsql;

namespace GrpcExports.Tests.EditorState.Validation;

/// <summary>
/// CreateProject and SyncProject run the same validation as ValidateEditorState: an invalid document is refused over
/// gRPC with INVALID_EDITOR_STATE and a field violation per problem, and no row or event is written.
/// </summary>
public sealed class EditorStateRefusalTests : IAsyncLifetime
{
    private RunningServer? _server;
    private GrpcConnection? _connection;
    private NpgsqlDataSource? _database;

    private ProjectServiceClient Projects => new(_connection!);

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0");
        _connection = _server.Connect();
        _database = NpgsqlDataSource.Create(_server.ConnectionString!);
    }

    public async Task DisposeAsync()
    {
        _connection?.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task CreateProject_refuses_an_invalid_document_with_every_violation_and_stores_nothing()
    {
        var document = OverlappingWithUnknownShape();
        var before = await StoredRowsAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => Projects.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project { Title = "refused", EditorState = document.ToStruct() },
        }));

        Assert.Equal((StatusCode.InvalidArgument, "INVALID_EDITOR_STATE"), (error.StatusCode, error.Reason));
        Assert.Equal("2", error.ErrorInfo!.Metadata["violationCount"]);
        Assert.Equal(
            [("project.editor_state/items/a1/shape", "SCHEMA"), ("project.editor_state/items/a2/startTicks", "ITEMS_OVERLAP")],
            error.BadRequest!.FieldViolations.Select(v => (v.Field, v.Reason)));
        Assert.Contains("a2 starts at", error.BadRequest.FieldViolations[1].Description);
        Assert.Equal(before, await StoredRowsAsync());
    }

    [Fact]
    public async Task SyncProject_refuses_an_invalid_document_and_the_project_keeps_its_version_and_state()
    {
        var original = new TimelineDocument();
        var project = (await Projects.CreateProjectAsync(new CreateProjectRequest { Project = new Project { EditorState = original.ToStruct() } })).Project;
        var before = await StoredRowsAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => Projects.SyncProjectAsync(new SyncProjectRequest
        {
            ProjectId = project.Id, EditorState = OverlappingWithUnknownShape().ToStruct(), ExpectedStateVersion = 1,
        }));

        Assert.Equal((StatusCode.InvalidArgument, "INVALID_EDITOR_STATE"), (error.StatusCode, error.Reason));
        Assert.Equal(["editor_state/items/a1/shape", "editor_state/items/a2/startTicks"], error.BadRequest!.FieldViolations.Select(v => v.Field));
        Assert.Equal(before, await StoredRowsAsync());
        var latest = (await Projects.GetProjectAsync(new GetProjectRequest { ProjectId = project.Id })).Project;
        Assert.Equal((1L, 1L), (latest.Version, latest.StateVersion));
        Assert.Null(JsonEquivalence.FindDifference(original.Root.ToJsonString(), JsonFormatter.Default.Format(latest.EditorState)));
    }

    [Fact]
    public async Task A_document_with_more_than_fifty_problems_lists_fifty_and_says_how_many_more()
    {
        var document = new TimelineDocument();
        for (var i = 0; i < 60; i++)
        {
            document.AddSolid($"loose-{i}", 1000 + i * 10, 10);
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => Projects.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project { EditorState = document.ToStruct() },
        }));

        var violations = error.BadRequest!.FieldViolations;
        Assert.Equal("60", error.ErrorInfo!.Metadata["violationCount"]);
        Assert.Equal(51, violations.Count);
        Assert.Equal("project.editor_state/items/loose-49", violations[49].Field);
        Assert.Equal(("project.editor_state", "and 10 more violations; ValidateEditorState lists them all."), (violations[50].Field, violations[50].Description));
        var validation = await Projects.ValidateEditorStateAsync(new ValidateEditorStateRequest { EditorState = document.ToStruct() });
        Assert.Equal(60, validation.Violations.Count);
        Assert.False(validation.Truncated);
    }

    [Fact]
    public async Task The_blank_document_of_a_project_created_without_one_is_valid()
    {
        var project = (await Projects.CreateProjectAsync(new CreateProjectRequest())).Project;

        var validation = await Projects.ValidateEditorStateAsync(new ValidateEditorStateRequest { EditorState = project.EditorState });

        Assert.Empty(validation.Violations.Select(v => v.Path));
        Assert.True(validation.Valid);
    }

    /// <summary>a2 starts one tick before a1 ends, and a1's shape is not one the schema knows.</summary>
    private static TimelineDocument OverlappingWithUnknownShape()
    {
        var document = new TimelineDocument();
        document.Item("a2")["startTicks"] = 99;
        document.Item("a1")["shape"] = "hexagon";
        document.Root["transitions"] = new JsonObject();
        return document;
    }

    private async Task<(long Projects, long Events)> StoredRowsAsync()
    {
        await using var command = _database!.CreateCommand("SELECT (SELECT count(*) FROM projects), (SELECT count(*) FROM events)");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
