using Google.Protobuf.WellKnownTypes;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using Npgsql;
using static GrpcExports.Tests.Exports.ExportDocuments;
using static GrpcExports.Tests.Projects.ProjectAssertions;

namespace GrpcExports.Tests.Exports;

/// <summary>CreateExport, GetExport and CancelExport refuse bad input with the right status, reason and field, and queue nothing.</summary>
public sealed class ExportValidationTests : IAsyncLifetime
{
    private ExportServer _server = null!;

    // Nothing renders here: refusals must not depend on a worker.
    public async Task InitializeAsync() => _server = await ExportServer.StartAsync("--Exports:Workers=0");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<ExportOptions, string> BadOptions() => new()
    {
        { new ExportOptions { Fps = 500 }, "options.fps" },
        { new ExportOptions { Scale = 0.1 }, "options.scale" },
        { new ExportOptions { Scale = 2, Resolution = ResolutionPreset.Hd720P }, "options.scale" },
        { new ExportOptions { Ratio = AspectRatio.Square11, CustomWidth = 640 }, "options.custom_width" },
        { new ExportOptions { Ratio = AspectRatio.Custom, CustomWidth = 8, CustomHeight = 100 }, "options.custom_width" },
        { new ExportOptions { LetterboxColor = "red" }, "options.letterbox_color" },
        { new ExportOptions { Format = (ExportFormat)9 }, "options.format" },
        { new ExportOptions { Watermark = new Watermark { MediaPath = "../secret.png" } }, "options.watermark.media_path" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task Out_of_range_options_are_invalid_argument_naming_the_option(ExportOptions options, string field)
    {
        var error = await RefusedAsync(new CreateExportRequest { EditorState = SolidColour("#ff0000", 1), Options = options });

        AssertInvalid(error, "INVALID_REQUEST", field);
    }

    [Fact]
    public async Task Every_bad_plain_field_is_named_at_once()
    {
        var error = await RefusedAsync(new CreateExportRequest
        {
            EditorState = SolidColour("#ff0000", 1),
            ProjectVersion = 3,
            Name = new string('n', 129),
            ClientTaskId = "has space",
            WebhookUrl = "ftp://example.com/hook",
            Options = new ExportOptions { Fps = -1 },
        });

        AssertInvalid(error, "INVALID_REQUEST", "project_version", "name", "client_task_id", "webhook_url", "options.fps");
    }

    [Fact]
    public async Task A_request_without_a_source_names_the_missing_field()
    {
        var error = await RefusedAsync(new CreateExportRequest());

        AssertInvalid(error, "INVALID_REQUEST", "project_id");
    }

    [Fact]
    public async Task An_invalid_editor_state_is_invalid_editor_state_with_its_json_pointer()
    {
        var state = SolidColour("#ff0000", 1);
        state.Fields["compositionWidth"] = Value.ForString("wide");

        var error = await RefusedAsync(new CreateExportRequest { EditorState = state });

        Assert.Equal((StatusCode.InvalidArgument, "INVALID_EDITOR_STATE"), (error.StatusCode, error.Reason));
        Assert.Contains(error.BadRequest!.FieldViolations, v => v.Field == "editor_state/compositionWidth");
    }

    [Fact]
    public async Task An_empty_timeline_has_nothing_to_render()
    {
        var blank = (await _server.Projects.CreateProjectAsync(new CreateProjectRequest())).Project;

        var error = await RefusedAsync(new CreateExportRequest { ProjectId = blank.Id });

        AssertInvalid(error, "INVALID_REQUEST", "project_id");
    }

    [Fact]
    public async Task A_missing_asset_is_failed_precondition_naming_it()
    {
        var error = await RefusedAsync(new CreateExportRequest { EditorState = ImageFromMedia("nowhere.png", 1) });

        Assert.Equal((StatusCode.FailedPrecondition, "ASSETS_MISSING"), (error.StatusCode, error.Reason));
        Assert.Equal("picture", error.ErrorInfo!.Metadata["assetKeys"]);
    }

    [Fact]
    public async Task Unknown_projects_and_versions_are_not_found()
    {
        var project = (await _server.Projects.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project { EditorState = SolidColour("#ff0000", 1) },
        })).Project;
        var unknown = Guid.NewGuid().ToString();

        AssertProjectNotFound(await RefusedAsync(new CreateExportRequest { ProjectId = unknown }), unknown);
        AssertVersionNotFound(await RefusedAsync(new CreateExportRequest { ProjectId = project.Id, ProjectVersion = 7 }), project.Id, 7, 1);
    }

    [Fact]
    public async Task Unknown_and_malformed_export_ids_are_refused_by_every_rpc()
    {
        var unknown = Guid.NewGuid().ToString();

        var get = await Assert.ThrowsAsync<RpcException>(() => _server.Exports.GetExportAsync(new GetExportRequest { ExportId = unknown }));
        var cancel = await Assert.ThrowsAsync<RpcException>(() => _server.Exports.CancelExportAsync(new CancelExportRequest { ExportId = unknown }));
        var watch = await Assert.ThrowsAsync<RpcException>(() => _server.Exports.WatchToEndAsync(unknown));
        var malformed = await Assert.ThrowsAsync<RpcException>(() => _server.Exports.GetExportAsync(new GetExportRequest { ExportId = "export-1" }));

        foreach (var error in new[] { get, cancel, watch })
        {
            Assert.Equal((StatusCode.NotFound, "EXPORT_NOT_FOUND", unknown), (error.StatusCode, error.Reason, error.ErrorInfo!.Metadata["exportId"]));
        }
        AssertInvalid(malformed, "INVALID_REQUEST", "export_id");
    }

    [Fact]
    public async Task Downloading_an_export_that_has_not_succeeded_is_refused()
    {
        var queued = (await _server.Exports.CreateExportAsync(new CreateExportRequest { EditorState = SolidColour("#ff0000", 1) })).Export;

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in _server.Exports.DownloadExportAsync(new DownloadExportRequest { ExportId = queued.Id }))
            {
            }
        });

        Assert.Equal((StatusCode.FailedPrecondition, "EXPORT_NOT_READY", "QUEUED"), (error.StatusCode, error.Reason, error.ErrorInfo!.Metadata["status"]));
    }

    private async Task<RpcException> RefusedAsync(CreateExportRequest request)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _server.Exports.CreateExportAsync(request));
        await using var connection = new NpgsqlConnection(_server.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM export_jobs", connection);
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
        return error;
    }
}
