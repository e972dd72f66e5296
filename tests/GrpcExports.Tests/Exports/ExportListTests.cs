using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using static GrpcExports.Tests.Exports.ExportDocuments;

namespace GrpcExports.Tests.Exports;

/// <summary>ListExports: newest first in keyset pages, with filters, and tokens bound to the filters they were issued for.</summary>
public sealed class ExportListTests : IAsyncLifetime
{
    private ExportServer _server = null!;

    public async Task InitializeAsync() => _server = await ExportServer.StartAsync("--Exports:Workers=0", "--Exports:MaxActivePerUser=10");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Pages_run_newest_first_and_filters_combine()
    {
        var project = (await _server.Projects.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project { EditorState = SolidColour("#ff0000", 1), FolderId = "reels" },
        })).Project;
        var created = new List<Export>();
        for (var i = 0; i < 5; i++)
        {
            var request = i % 2 == 0
                ? new CreateExportRequest { ProjectId = project.Id, Name = $"export {i}" }
                : new CreateExportRequest { EditorState = SolidColour("#00ff00", 1), Name = $"export {i}" };
            created.Add((await _server.Exports.CreateExportAsync(request)).Export);
        }
        await _server.Exports.CancelExportAsync(new CancelExportRequest { ExportId = created[1].Id });

        var names = new List<string>();
        var token = "";
        do
        {
            var page = await _server.Exports.ListExportsAsync(new ListExportsRequest { PageSize = 2, PageToken = token });
            Assert.True(page.Exports.Count <= 2);
            names.AddRange(page.Exports.Select(e => e.Name));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        var ofProject = await _server.Exports.ListExportsAsync(new ListExportsRequest { ProjectId = project.Id });
        var inFolder = await _server.Exports.ListExportsAsync(new ListExportsRequest { FolderId = "reels", Statuses = { ExportStatus.Queued } });
        var cancelled = await _server.Exports.ListExportsAsync(new ListExportsRequest { Statuses = { ExportStatus.Cancelled } });

        Assert.Equal(["export 4", "export 3", "export 2", "export 1", "export 0"], names);
        Assert.Equal(["export 4", "export 2", "export 0"], ofProject.Exports.Select(e => e.Name));
        Assert.All(ofProject.Exports, e => Assert.Equal(project.Id, e.ProjectId));
        Assert.Equal(["export 4", "export 2", "export 0"], inFolder.Exports.Select(e => e.Name));
        Assert.Equal(created[1].Id, Assert.Single(cancelled.Exports).Id);
    }

    [Fact]
    public async Task A_page_token_sent_with_other_filters_is_refused()
    {
        for (var i = 0; i < 3; i++)
        {
            await _server.Exports.CreateExportAsync(new CreateExportRequest { EditorState = SolidColour("#00ff00", 1) });
        }
        var first = await _server.Exports.ListExportsAsync(new ListExportsRequest { PageSize = 1 });

        var error = await Assert.ThrowsAsync<RpcException>(() => _server.Exports.ListExportsAsync(new ListExportsRequest
        {
            PageSize = 1, PageToken = first.NextPageToken, Statuses = { ExportStatus.Queued },
        }));

        Assert.Equal((StatusCode.InvalidArgument, "INVALID_PAGE_TOKEN"), (error.StatusCode, error.Reason));
    }
}
