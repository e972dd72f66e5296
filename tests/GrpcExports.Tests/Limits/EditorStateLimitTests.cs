using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.ProjectFiles;
using GrpcExports.Tests.Support;
using Microsoft.Extensions.Options;
using Npgsql;
using static GrpcExports.Tests.Projects.ProjectDocuments;

namespace GrpcExports.Tests.Limits;

/// <summary>
/// Limits:EditorState through the real server, set low here: CreateProject, SyncProject, a stateless CreateExport and
/// ImportProjectFile refuse a document over a limit, naming it by its JSON Pointer, before validating it, and store nothing.
/// </summary>
public sealed class EditorStateLimitTests(EditorStateLimitTests.LimitedServer server) : IClassFixture<EditorStateLimitTests.LimitedServer>, IDisposable
{
    private readonly GrpcConnection _connection = server.Server.Connect();

    private ProjectServiceClient Projects => new(_connection);

    public void Dispose() => _connection.Dispose();

    public static TheoryData<string, string, string, string, string> OverALimit() => new()
    {
        // document, field, limit, maximum, actual
        { Document(items: 4), "/items", "items", "3", "4" },
        { Document(items: 2, extraTracks: 2), "/tracks", "tracks", "2", "3" },
        { Document(items: 2, keyframes: 3), "/items/item-1/top/keyframes", "keyframesPerItem", "2", "3" },
        { Document(items: 2, lastStartSeconds: 20), "/items/item-1/durationTicks", "durationSeconds", "10", "21" },
        { Document(items: 1, width: 1920, height: 1200), "/compositionHeight", "compositionShortSide", "1080", "1200" },
        { Document(items: 1, width: 1080, height: 2000), "/compositionHeight", "compositionLongSide", "1920", "2000" },
    };

    [Theory]
    [MemberData(nameof(OverALimit))]
    public async Task CreateProject_refuses_a_document_over_a_limit_naming_its_pointer_and_stores_nothing(string document, string pointer,
        string limit, string maximum, string actual)
    {
        var before = await ProjectCountAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => Projects.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project { Title = "over", EditorState = Parse(document) },
        }));

        Assert.Equal((StatusCode.InvalidArgument, "EDITOR_STATE_LIMIT_EXCEEDED"), (error.StatusCode, error.Reason));
        Assert.Equal((limit, maximum, actual), (error.ErrorInfo!.Metadata["limit"], error.ErrorInfo.Metadata["maximum"], error.ErrorInfo.Metadata["actual"]));
        Assert.Equal(["project.editor_state" + pointer], error.BadRequest!.FieldViolations.Select(v => v.Field));
        Assert.Equal(before, await ProjectCountAsync());
    }

    [Fact]
    public async Task Documents_at_every_limit_are_accepted_portrait_included()
    {
        await Projects.CreateProjectAsync(new CreateProjectRequest { Project = new Project { EditorState = Parse(Document(items: 3, keyframes: 2, lastStartSeconds: 9)) } });
        await Projects.CreateProjectAsync(new CreateProjectRequest { Project = new Project { EditorState = Parse(Document(items: 1, width: 1080, height: 1920)) } });
    }

    [Fact]
    public async Task The_limit_is_checked_before_the_schema()
    {
        var document = JsonNode.Parse(Document(items: 4))!;
        document["compositionWidth"] = "not a number";
        document["items"]!["item-0"]!["startTicks"] = -5;

        var error = await Assert.ThrowsAsync<RpcException>(() => Projects.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project { EditorState = Parse(document.ToJsonString()) },
        }));

        Assert.Equal("EDITOR_STATE_LIMIT_EXCEEDED", error.Reason);
    }

    [Fact]
    public async Task A_document_over_the_byte_limit_is_payload_too_large()
    {
        var document = JsonNode.Parse(Document(items: 1))!;
        document["items"]!["item-0"]!["text"] = new string('x', 30_000);

        var error = await Assert.ThrowsAsync<RpcException>(() => Projects.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project { EditorState = Parse(document.ToJsonString()) },
        }));

        Assert.Equal((StatusCode.ResourceExhausted, "PAYLOAD_TOO_LARGE"), (error.StatusCode, error.Reason));
        Assert.Equal(("20000", "editor-state"), (error.ErrorInfo!.Metadata["limitBytes"], error.ErrorInfo.Metadata["what"]));
        Assert.Equal(["project.editor_state"], error.BadRequest!.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task SyncProject_refuses_a_document_over_a_limit_and_the_project_keeps_its_version()
    {
        var project = (await Projects.CreateProjectAsync(new CreateProjectRequest { Project = new Project { EditorState = Parse(Document(items: 2)) } })).Project;

        var error = await Assert.ThrowsAsync<RpcException>(() => Projects.SyncProjectAsync(new SyncProjectRequest
        {
            ProjectId = project.Id, EditorState = Parse(Document(items: 4)),
        }));

        Assert.Equal("EDITOR_STATE_LIMIT_EXCEEDED", error.Reason);
        Assert.Equal(["editor_state/items"], error.BadRequest!.FieldViolations.Select(v => v.Field));
        Assert.Equal(project.Version, (await Projects.GetProjectAsync(new GetProjectRequest { ProjectId = project.Id })).Project.Version);
    }

    [Fact]
    public async Task A_stateless_export_of_a_document_over_a_limit_is_refused_without_a_job()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => new ExportServiceClient(_connection).CreateExportAsync(new CreateExportRequest
        {
            EditorState = Parse(Document(items: 2, extraTracks: 2)),
        }));

        Assert.Equal("EDITOR_STATE_LIMIT_EXCEEDED", error.Reason);
        Assert.Equal(["editor_state/tracks"], error.BadRequest!.FieldViolations.Select(v => v.Field));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM export_jobs"));
    }

    [Fact]
    public async Task ImportProjectFile_refuses_a_file_whose_document_is_over_a_limit()
    {
        await using var unlimited = await RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0");
        using var source = unlimited.Connect();
        var sourceProjects = new ProjectServiceClient(source);
        var project = (await sourceProjects.CreateProjectAsync(new CreateProjectRequest { Project = new Project { EditorState = Parse(Document(items: 4)) } })).Project;
        var (_, file) = await sourceProjects.ExportFileAsync(project.Id, includeAssets: false);
        var before = await ProjectCountAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => Projects.ImportFileAsync(file));

        Assert.Equal("EDITOR_STATE_LIMIT_EXCEEDED", error.Reason);
        Assert.Equal(["editor_state/items"], error.BadRequest!.FieldViolations.Select(v => v.Field));
        Assert.Equal(before, await ProjectCountAsync());
    }

    [Fact]
    public async Task GetAccount_shows_the_limits_in_force()
    {
        var limits = (await new AccountServiceClient(_connection).GetAccountAsync(new GetAccountRequest())).Account.Limits;

        Assert.Equal((20_000L, 2, 3, 2, 10.0, 1920), (limits.MaxEditorStateBytes, limits.MaxTracks, limits.MaxItems, limits.MaxKeyframes,
            limits.MaxDurationSeconds, limits.MaxCompositionSide));
        Assert.Equal(16 * 1024 * 1024, limits.MaxRequestMessageBytes);
    }

    [Theory]
    [InlineData("--Limits:EditorState:MaxCompositionLongSide=7681", "Limits:EditorState:MaxCompositionLongSide must lie between 1 and 7680, not 7681.")]
    [InlineData("--Limits:EditorState:MaxCompositionShortSide=4321", "Limits:EditorState:MaxCompositionShortSide must lie between 1 and 4320, not 4321.")]
    [InlineData("--Limits:EditorState:MaxTracks=0", "Limits:EditorState:MaxTracks must be 1 or more, not 0.")]
    [InlineData("--Limits:StorageQuotaBytes=-1", "Limits:StorageQuotaBytes must be 0 (no quota) or more, not -1.")]
    public async Task A_server_with_an_unusable_limit_does_not_start(string argument, string problem)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0", argument));

        Assert.Contains(problem, error.Message);
    }

    /// <summary>
    /// A valid document of back-to-back text items on one track (each with two keyframes on <c>top</c>), optionally with
    /// more keyframes on item-1's <c>top</c>, item-1 moved to a second track to start later, empty extra tracks, or another size.
    /// </summary>
    private static string Document(int items, int extraTracks = 0, int keyframes = 2, int lastStartSeconds = -1, int width = 1920, int height = 1080)
    {
        var document = JsonNode.Parse(lastStartSeconds < 0 ? LargeState(items) : LargeState(items, items - 1, lastStartSeconds * 240_000L))!;
        document["compositionWidth"] = width;
        document["compositionHeight"] = height;
        var top = document["items"]!["item-1"]?["top"]?["keyframes"]?.AsArray();
        for (var index = 2; index < keyframes; index++)
        {
            top!.Add(new JsonObject { ["timeTicks"] = 1000 * index, ["value"] = 0.5 });
        }
        for (var track = 0; track < extraTracks; track++)
        {
            document["tracks"]!.AsArray().Add(new JsonObject { ["id"] = $"extra-{track}", ["items"] = new JsonArray(), ["hidden"] = false, ["muted"] = false });
        }
        return document.ToJsonString();
    }

    private Task<long> ProjectCountAsync() => CountAsync("SELECT count(*) FROM projects");

    private async Task<long> CountAsync(string sql)
    {
        await using var database = NpgsqlDataSource.Create(server.Server.ConnectionString!);
        await using var command = database.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>One server for the class, with limits low enough for small documents to meet.</summary>
    public sealed class LimitedServer : IAsyncLifetime
    {
        private RunningServer? _server;

        public RunningServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

        public async Task InitializeAsync() => _server = await RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0",
            "--Limits:EditorState:MaxBytes=20000", "--Limits:EditorState:MaxTracks=2", "--Limits:EditorState:MaxItems=3",
            "--Limits:EditorState:MaxKeyframesPerItem=2", "--Limits:EditorState:MaxDurationSeconds=10",
            "--Limits:EditorState:MaxCompositionLongSide=1920", "--Limits:EditorState:MaxCompositionShortSide=1080");

        public async Task DisposeAsync()
        {
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }
        }
    }
}
