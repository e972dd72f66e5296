using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using static GrpcExports.Tests.Exports.ExportDocuments;

namespace GrpcExports.Tests.Exports;

/// <summary>
/// At most two active exports per user, counted in the database so simultaneous requests cannot both slip in; and the
/// two ways a retried CreateExport avoids a second export (client_task_id, idempotency-key).
/// </summary>
public sealed class ExportConcurrencyLimitTests
{
    [Fact]
    public async Task A_third_active_export_is_refused_until_one_is_cancelled()
    {
        // No workers: the two exports stay queued, so the limit is met for as long as the test needs.
        await using var server = await ExportServer.StartAsync("--Exports:Workers=0");
        var request = new CreateExportRequest { EditorState = SolidColour("#ff0000", 1) };
        var first = (await server.Exports.CreateExportAsync(request)).Export;
        await server.Exports.CreateExportAsync(request);

        var refused = await Assert.ThrowsAsync<RpcException>(() => server.Exports.CreateExportAsync(request));
        var cancelled = (await server.Exports.CancelExportAsync(new CancelExportRequest { ExportId = first.Id })).Export;
        var cancelledAgain = (await server.Exports.CancelExportAsync(new CancelExportRequest { ExportId = first.Id })).Export;
        var third = (await server.Exports.CreateExportAsync(request)).Export;

        Assert.Equal((StatusCode.ResourceExhausted, "EXPORT_CONCURRENCY_LIMIT_EXCEEDED"), (refused.StatusCode, refused.Reason));
        Assert.Equal(("2", "2"), (refused.ErrorInfo!.Metadata["limit"], refused.ErrorInfo.Metadata["active"]));
        Assert.Equal(ExportStatus.Cancelled, cancelled.Status);
        Assert.NotNull(cancelled.FinishTime);
        Assert.Equal(cancelled, cancelledAgain);
        Assert.Equal(ExportStatus.Queued, third.Status);
        Assert.Equal(ExportStatus.Cancelled, (await server.Exports.WatchToEndAsync(first.Id)).Single().Status);
    }

    [Fact]
    public async Task Of_many_simultaneous_requests_exactly_the_limit_are_accepted()
    {
        await using var server = await ExportServer.StartAsync("--Exports:Workers=0", "--Exports:MaxActivePerUser=3");
        var request = new CreateExportRequest { EditorState = SolidColour("#ff0000", 1) };

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            try
            {
                await server.Exports.CreateExportAsync(request);
                return "accepted";
            }
            catch (RpcException error)
            {
                return error.Reason;
            }
        }));

        Assert.Equal(3, outcomes.Count(o => o == "accepted"));
        Assert.Equal(5, outcomes.Count(o => o == "EXPORT_CONCURRENCY_LIMIT_EXCEEDED"));
    }

    [Fact]
    public async Task A_client_task_id_used_again_returns_the_first_export()
    {
        await using var server = await ExportServer.StartAsync("--Exports:Workers=0");
        var request = new CreateExportRequest { EditorState = SolidColour("#ff0000", 1), ClientTaskId = "nightly-42" };

        var first = await server.Exports.CreateExportAsync(request);
        var again = await server.Exports.CreateExportAsync(request);

        Assert.False(first.Deduplicated);
        Assert.True(again.Deduplicated);
        Assert.Equal(first.Export, again.Export);
    }

    [Fact]
    public async Task The_same_idempotency_key_replays_the_first_export_and_refuses_another_request()
    {
        await using var server = await ExportServer.StartAsync("--Exports:Workers=0");
        var withKey = new CallOptions { Headers = new Metadata { { "idempotency-key", "export-" + Guid.NewGuid().ToString("N") } } };
        var request = new CreateExportRequest { EditorState = SolidColour("#ff0000", 1) };

        var first = await server.Exports.CreateExportAsync(request, withKey);
        var replay = await server.Exports.CreateExportAsync(request, withKey);
        var other = await Assert.ThrowsAsync<RpcException>(() => server.Exports.CreateExportAsync(
            new CreateExportRequest { EditorState = SolidColour("#00ff00", 1) }, withKey));
        var listed = await server.Exports.ListExportsAsync(new ListExportsRequest());

        Assert.Equal(first, replay);
        Assert.Equal((StatusCode.FailedPrecondition, "IDEMPOTENCY_KEY_REUSED"), (other.StatusCode, other.Reason));
        Assert.Equal(first.Export.Id, Assert.Single(listed.Exports).Id);
    }
}
