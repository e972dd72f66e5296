using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Rendering.Export;
using static GrpcExports.Tests.Exports.ExportDocuments;
using static GrpcExports.Tests.Projects.ProjectAssertions;

namespace GrpcExports.Tests.Exports;

/// <summary>DeleteExport: refused while the export is active; afterwards the export and its file are gone everywhere.</summary>
[Collection(ExportResourceCollection.Name)]
public sealed class ExportDeleteTests
{
    [Fact]
    public async Task A_queued_export_must_be_cancelled_before_it_can_be_deleted()
    {
        await using var server = await ExportServer.StartAsync("--Exports:Workers=0");
        var queued = (await server.Exports.CreateExportAsync(new CreateExportRequest
        {
            EditorState = SolidColour("#ff0000", 1),
            ClientTaskId = "nightly-1",
        })).Export;

        var refused = await Assert.ThrowsAsync<RpcException>(() => server.Exports.DeleteExportAsync(new DeleteExportRequest { ExportId = queued.Id }));
        var stillThere = (await server.Exports.GetExportAsync(new GetExportRequest { ExportId = queued.Id })).Export;
        await server.Exports.CancelExportAsync(new CancelExportRequest { ExportId = queued.Id });
        var deleted = await server.Exports.DeleteExportAsync(new DeleteExportRequest { ExportId = queued.Id });

        Assert.Equal((StatusCode.FailedPrecondition, "EXPORT_STILL_ACTIVE", "QUEUED"),
            (refused.StatusCode, refused.Reason, refused.ErrorInfo!.Metadata["status"]));
        Assert.Contains("cancel", refused.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(queued, stillThere);
        Assert.Equal(queued.Id, deleted.ExportId);
        // A cancelled stateless export has no file; its stored document is what is freed.
        Assert.True(deleted.FreedBytes > 0);
        await AssertGoneAsync(server, queued.Id);
        // Its client_task_id is free again: a new export, not the deleted one.
        var again = await server.Exports.CreateExportAsync(new CreateExportRequest { EditorState = SolidColour("#ff0000", 1), ClientTaskId = "nightly-1" });
        Assert.False(again.Deduplicated);
        Assert.NotEqual(queued.Id, again.Export.Id);
    }

    [Fact]
    public async Task Deleting_a_succeeded_export_removes_its_file_and_answers_not_found_afterwards()
    {
        await using var server = await ExportServer.StartAsync();
        var project = (await server.Projects.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project { EditorState = SolidColour("#00ff00", 1) },
        })).Project;
        var created = (await server.Exports.CreateExportAsync(new CreateExportRequest { ProjectId = project.Id })).Export;
        var succeeded = (await server.Exports.WatchToEndAsync(created.Id))[^1];
        var filesBefore = server.OutputFiles();

        var deleted = await server.Exports.DeleteExportAsync(new DeleteExportRequest { ExportId = created.Id });

        Assert.Equal(ExportStatus.Succeeded, succeeded.Status);
        Assert.Single(filesBefore);
        Assert.Equal(succeeded.Output.SizeBytes, deleted.FreedBytes);
        Assert.Empty(server.OutputFiles());
        await AssertGoneAsync(server, created.Id);
        var download = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in server.Exports.DownloadExportAsync(new DownloadExportRequest { ExportId = created.Id }))
            {
            }
        });
        Assert.Equal((StatusCode.NotFound, "EXPORT_NOT_FOUND"), (download.StatusCode, download.Reason));
    }

    [Fact]
    public async Task Unknown_and_malformed_ids_are_refused()
    {
        await using var server = await ExportServer.StartAsync("--Exports:Workers=0");
        var unknown = Guid.NewGuid().ToString();

        var missing = await Assert.ThrowsAsync<RpcException>(() => server.Exports.DeleteExportAsync(new DeleteExportRequest { ExportId = unknown }));
        var malformed = await Assert.ThrowsAsync<RpcException>(() => server.Exports.DeleteExportAsync(new DeleteExportRequest { ExportId = "export-1" }));

        Assert.Equal((StatusCode.NotFound, "EXPORT_NOT_FOUND", unknown), (missing.StatusCode, missing.Reason, missing.ErrorInfo!.Metadata["exportId"]));
        AssertInvalid(malformed, "INVALID_REQUEST", "export_id");
    }

    /// <summary>Every RPC that names the export answers NOT_FOUND EXPORT_NOT_FOUND, and listings leave it out.</summary>
    private static async Task AssertGoneAsync(ExportServer server, string exportId)
    {
        var calls = new Func<Task>[]
        {
            () => server.Exports.GetExportAsync(new GetExportRequest { ExportId = exportId }),
            () => server.Exports.CancelExportAsync(new CancelExportRequest { ExportId = exportId }),
            () => server.Exports.DeleteExportAsync(new DeleteExportRequest { ExportId = exportId }),
            () => server.Exports.WatchToEndAsync(exportId),
            () => server.Exports.ListWebhookDeliveriesAsync(new ListWebhookDeliveriesRequest { ExportId = exportId }),
        };
        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal((StatusCode.NotFound, "EXPORT_NOT_FOUND"), (error.StatusCode, error.Reason));
        }
        Assert.DoesNotContain((await server.Exports.ListExportsAsync(new ListExportsRequest())).Exports, e => e.Id == exportId);
    }
}
