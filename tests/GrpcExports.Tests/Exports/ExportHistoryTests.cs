using GrpcExports.Protocol.V1;
using static GrpcExports.Tests.Exports.ExportDocuments;

namespace GrpcExports.Tests.Exports;

/// <summary>
/// Exports of a project in its history: requested, succeeded and cancelled events with the export's id and a one-line
/// summary. They move the project's version, never its state version, editor state or update time, so an autosave
/// holding the state version it had before the exports is not stale.
/// </summary>
public sealed class ExportHistoryTests
{
    [Fact]
    public async Task Requested_succeeded_and_cancelled_exports_appear_in_the_history_and_an_autosave_is_not_made_stale()
    {
        await using var server = await ExportServer.StartAsync();
        var project = (await server.Projects.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project { Title = "Trailer", EditorState = SolidColour("#ff0000", 0.3) },
        })).Project;
        var rendered = (await server.Exports.CreateExportAsync(new CreateExportRequest { ProjectId = project.Id, Options = new ExportOptions { Fps = 10 } })).Export;
        var succeeded = (await server.Exports.WatchToEndAsync(rendered.Id))[^1];
        var stopped = (await server.Exports.CreateExportAsync(new CreateExportRequest
        {
            ProjectId = project.Id, Name = "webm cut", Options = new ExportOptions { Fps = 10, Format = ExportFormat.Webm },
        })).Export;
        await server.Exports.CancelExportAsync(new CancelExportRequest { ExportId = stopped.Id });
        var stateless = (await server.Exports.CreateExportAsync(new CreateExportRequest { EditorState = SolidColour("#0000ff", 0.2) })).Export;
        await server.Exports.WatchToEndAsync(stateless.Id);

        var history = (await server.Projects.ListProjectHistoryAsync(new ListProjectHistoryRequest { ProjectId = project.Id })).Events;
        var after = (await server.Projects.GetProjectAsync(new GetProjectRequest { ProjectId = project.Id })).Project;
        var sync = await server.Projects.SyncProjectAsync(new SyncProjectRequest
        {
            ProjectId = project.Id, ExpectedStateVersion = project.StateVersion, EditorState = SolidColour("#00ff00", 0.3),
        });

        Assert.Equal(ExportStatus.Succeeded, succeeded.Status);
        Assert.Equal(
        [
            (5L, ProjectEventType.ExportCancelled, stopped.Id),
            (4L, ProjectEventType.ExportRequested, stopped.Id),
            (3L, ProjectEventType.ExportSucceeded, rendered.Id),
            (2L, ProjectEventType.ExportRequested, rendered.Id),
            (1L, ProjectEventType.Created, ""),
        ], history.Select(e => (e.Version, e.Type, e.ExportId)));
        Assert.Equal($"export {rendered.Id} requested: 'Trailer', version 1, mp4", history[3].Summary);
        Assert.Matches($@"^export {rendered.Id} succeeded \(\d+(\.\d)? KB\)$", history[2].Summary);
        Assert.Equal($"export {stopped.Id} requested: 'webm cut', version 3, webm", history[1].Summary);
        Assert.Equal($"export {stopped.Id} cancelled", history[0].Summary);
        Assert.All(history.Take(4), e => Assert.False(e.StateChanged));
        Assert.Equal(history[4].Actor.UserId, history[3].Actor.UserId);
        Assert.Equal("", history[2].Actor.UserId);
        Assert.Equal((5L, 1L, project.UpdateTime), (after.Version, after.StateVersion, after.UpdateTime));
        Assert.Equal(project.EditorState, after.EditorState);
        Assert.Equal((6L, 6L), (sync.Version, sync.StateVersion));
    }

    [Fact]
    public async Task Exports_of_a_past_version_are_filtered_by_type_and_the_past_version_still_reads_back()
    {
        await using var server = await ExportServer.StartAsync("--Exports:Workers=0");
        var project = (await server.Projects.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project { EditorState = SolidColour("#ff0000", 0.3) },
        })).Project;
        await server.Projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = project.Id, EditorState = SolidColour("#00ff00", 0.3) });
        var export = (await server.Exports.CreateExportAsync(new CreateExportRequest { ProjectId = project.Id, ProjectVersion = 1 })).Export;

        var requested = (await server.Projects.ListProjectHistoryAsync(new ListProjectHistoryRequest
        {
            ProjectId = project.Id, Types_ = { ProjectEventType.ExportRequested },
        })).Events;
        var atExport = (await server.Projects.GetProjectAsync(new GetProjectRequest { ProjectId = project.Id, Version = 3 })).Project;

        var only = Assert.Single(requested);
        Assert.Equal((3L, export.Id), (only.Version, only.ExportId));
        Assert.EndsWith("version 1, mp4", only.Summary);
        Assert.Equal((3L, 2L), (atExport.Version, atExport.StateVersion));
        Assert.Equal(SolidColour("#00ff00", 0.3), atExport.EditorState);
    }
}
