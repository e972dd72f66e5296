using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Server.EditorState.Validation;
using GrpcExports.Server.ProjectFiles;
using GrpcExports.Tests.Fuzzing.EditorStates;
using GrpcExports.Tests.Fuzzing.Wire;
using GrpcExports.Tests.ProjectFiles;
using GrpcExports.Tests.Security;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Fuzzing;

/// <summary>The bugs the fuzzing tests found, each pinned down by the smallest case that showed it.</summary>
public sealed class FoundByFuzzingTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_request_that_does_not_decode_is_invalid_argument_naming_the_nested_field()
    {
        // CreateProject { project (1) { title (2): a length of 127 with one byte behind it } }
        byte[] request = [0x0a, 0x03, 0x12, 0x7f, 0x61];
        using var http = RawHttp2.CreateClient();

        var outcome = await RawCall.SendAsync(http, server.Address, server.ApiKey, ProductMethods.Find("grpcexports.v1.ProjectService/CreateProject"), [request]);

        Assert.Equal((StatusCode.InvalidArgument, "INVALID_REQUEST"), (outcome.Status, outcome.ErrorInfo?.Reason));
        Assert.Equal("project.title", outcome.BadRequest!.FieldViolations.Single().Field);
    }

    [Fact]
    public async Task A_length_near_int_max_is_invalid_argument_naming_the_field()
    {
        var method = ProductMethods.Find("grpcexports.v1.ProjectService/UpdateProject");
        byte[] request = [0x12, 0x03, 0x0a, 0x01, 0x78, 0x12, 0xff, 0xff, 0xff, 0xff, 0x07, .. "short"u8];
        using var http = RawHttp2.CreateClient();

        var outcome = await RawCall.SendAsync(http, server.Address, server.ApiKey, method, [request]);

        Assert.Equal((StatusCode.InvalidArgument, "INVALID_REQUEST"), (outcome.Status, outcome.ErrorInfo?.Reason));
        Assert.Equal(method.InputType.FindFieldByNumber(2).Name, outcome.BadRequest!.FieldViolations.Single().Field);
    }

    [Theory]
    [InlineData("grpcexports.v1.AssetService/UploadAsset")]
    [InlineData("grpcexports.v1.ProjectService/ImportProjectFile")]
    [InlineData("grpcexports.v1.ProjectService/ValidateProjectFile")]
    public async Task A_stream_that_does_not_start_with_its_header_names_the_header(string methodName)
    {
        using var http = RawHttp2.CreateClient();

        var outcome = await RawCall.SendAsync(http, server.Address, server.ApiKey, ProductMethods.Find(methodName), [[0x12, 0x01, 0x61]]);

        Assert.Equal((StatusCode.InvalidArgument, "UPLOAD_INCOMPLETE"), (outcome.Status, outcome.ErrorInfo?.Reason));
        Assert.Equal("header", outcome.BadRequest!.FieldViolations.Single().Field);
    }

    [Fact]
    public async Task Filters_a_database_cannot_hold_are_invalid_arguments_naming_the_field()
    {
        using var connection = server.Connect();
        var projects = new GrpcExports.Client.ProjectServiceClient(connection);
        var exports = new GrpcExports.Client.ExportServiceClient(connection);
        var beyondYear9999 = new Timestamp { Seconds = 315_537_897_600 };

        foreach (var (field, call) in new (string, Func<Task>)[]
        {
            ("update_time_after", () => projects.ListProjectsAsync(new ListProjectsRequest { UpdateTimeAfter = beyondYear9999 })),
            ("folder_id", () => projects.ListProjectsAsync(new ListProjectsRequest { FolderId = "a\0b" })),
            ("title_contains", () => projects.ListProjectsAsync(new ListProjectsRequest { TitleContains = "a\0b" })),
            ("create_time_before", () => exports.ListExportsAsync(new ListExportsRequest { CreateTimeBefore = new Timestamp { Nanos = -1 } })),
            ("folder_id", () => exports.ListExportsAsync(new ListExportsRequest { FolderId = "a\0b" })),
            ("client_task_id", () => exports.ListExportsAsync(new ListExportsRequest { ClientTaskId = "a\0b" })),
        })
        {
            var error = await Assert.ThrowsAsync<RpcException>(call);

            Assert.Equal((StatusCode.InvalidArgument, "INVALID_REQUEST"), (error.StatusCode, error.Reason));
            Assert.Equal(field, error.BadRequest!.FieldViolations.Single().Field);
        }
    }

    [Fact]
    public async Task A_value_with_no_kind_is_a_violation_not_a_crash()
    {
        using var connection = server.Connect();
        var document = StructOfJson.Convert(JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.EditorStateCorpus, "editor-state.valid.json"))));
        document.Fields["extra"] = new Value();

        var response = await new GrpcExports.Client.ProjectServiceClient(connection).ValidateEditorStateAsync(new ValidateEditorStateRequest { EditorState = document });

        Assert.False(response.Valid);
        var violation = Assert.Single(response.Violations);
        Assert.Equal(("/extra", "type"), (violation.Path, violation.SchemaKeyword));
    }

    [Fact]
    public async Task An_editor_state_nested_past_the_protobuf_limit_is_invalid_argument_not_internal()
    {
        var value = Value.ForNumber(1);
        for (var level = 0; level < 60; level++)
        {
            value = Value.ForList(value);
        }
        var request = new ValidateEditorStateRequest { EditorState = new Struct { Fields = { ["deep"] = value } } };
        using var http = RawHttp2.CreateClient();

        var outcome = await RawCall.SendAsync(http, server.Address, server.ApiKey,
            ProductMethods.Find("grpcexports.v1.ProjectService/ValidateEditorState"), [request.ToByteArray()]);

        Assert.Equal((StatusCode.InvalidArgument, "INVALID_REQUEST"), (outcome.Status, outcome.ErrorInfo?.Reason));
        Assert.StartsWith("editor_state.fields.value.list_value.values.list_value", outcome.BadRequest!.FieldViolations.Single().Field);
    }

    [Theory]
    [InlineData("NaN", false)]
    [InlineData("red", false)]
    [InlineData("#12345", false)]
    [InlineData("#ff000080", true)]
    [InlineData("rgba(0, 0, 0, 0.5)", true)]
    [InlineData("transparent", true)]
    public void The_validator_accepts_only_colours_the_renderer_reads(string colour, bool accepted)
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.EditorStateCorpus, "editor-state.valid.json")))!;
        document["items"]!["item-text-1"]!["color"] = colour;

        var report = EditorStateValidator.Validate(StructOfJson.Convert(document));

        Assert.Equal(accepted, report.Valid);
        if (!accepted)
        {
            var violation = Assert.Single(report.Violations);
            Assert.Equal(("/items/item-text-1/color", "format"), (violation.Path, violation.SchemaKeyword));
        }
    }

    [Fact]
    public async Task A_manifest_whose_format_version_is_not_a_number_is_a_corrupt_manifest()
    {
        using var directory = new TemporaryDirectory();
        var path = Path.Combine(directory.Path, "file.gxproj");
        using (var file = File.Create(path))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            HandMadeProjectFiles.Add(zip, "manifest.json", Encoding.UTF8.GetBytes("""{"formatVersion": "NaN"}"""));
            HandMadeProjectFiles.Add(zip, "editor-state.json", HandMadeProjectFiles.EditorState);
        }

        using var archive = await ProjectFileArchive.OpenAsync(path, new ProjectFileOptions(), CancellationToken.None);

        var problem = Assert.Single(archive.Problems);
        Assert.Equal(("manifest.json", ProblemCodes.Corrupt), (problem.Entry, problem.Code));
    }
}
