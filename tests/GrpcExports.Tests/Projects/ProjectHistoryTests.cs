using Google.Protobuf.WellKnownTypes;
using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Support;
using static GrpcExports.Tests.Projects.ProjectAssertions;
using static GrpcExports.Tests.Projects.ProjectDocuments;

namespace GrpcExports.Tests.Projects;

/// <summary>ListProjectHistory: events with type, actor, size and a summary computed from the patch, paged both ways; and its errors.</summary>
public sealed class ProjectHistoryTests(ServerFixture server) : IClassFixture<ServerFixture>, IDisposable
{
    private readonly GrpcConnection _connection = server.Connect();

    private ProjectServiceClient Projects => new(_connection);

    public void Dispose() => _connection.Dispose();

    [Fact]
    public async Task DescribesEveryKindOfEventNewestFirst()
    {
        var id = await CreateWithHistoryAsync();

        var history = await Projects.ListProjectHistoryAsync(new ListProjectHistoryRequest { ProjectId = id });

        Assert.Equal(6L, history.CurrentVersion);
        Assert.Empty(history.NextPageToken);
        Assert.Equal([6L, 5, 4, 3, 2, 1], history.Events.Select(e => e.Version));
        Assert.Equal(
            [ProjectEventType.Reverted, ProjectEventType.MetadataUpdated, ProjectEventType.StateSynced, ProjectEventType.StateSynced,
             ProjectEventType.StateSynced, ProjectEventType.Created],
            history.Events.Select(e => e.Type));
        Assert.Equal(
            ["reverted to version 2", "title: 'Draft' -> 'Launch'", "added item item-9", "moved item item-1, 2 keyframes changed",
             "moved item item-2, tracks changed", "created"],
            history.Events.Select(e => e.Summary));
        Assert.Equal(2L, history.Events[0].RestoredVersion);
        Assert.Equal([true, false, true, true, true, true], history.Events.Select(e => e.StateChanged));
        Assert.All(history.Events, e => Assert.Equal(TestApiKeys.TestUserId, e.Actor.UserId));
        Assert.All(history.Events, e => Assert.True(e.SizeBytes > 0));
        // A sync stores what changed, the creation the whole document.
        Assert.True(history.Events[4].SizeBytes * 10 < history.Events[5].SizeBytes);
        Assert.Equal(history.Events.Select(e => e.CreateTime.ToDateTimeOffset()).OrderDescending(), history.Events.Select(e => e.CreateTime.ToDateTimeOffset()));
    }

    [Fact]
    public async Task PagesBothWaysAndFiltersByType()
    {
        var id = await CreateWithHistoryAsync();

        var newest = await ReadAllAsync(new ListProjectHistoryRequest { ProjectId = id, PageSize = 4 });
        var oldest = await ReadAllAsync(new ListProjectHistoryRequest { ProjectId = id, PageSize = 1, OldestFirst = true });
        var syncs = await ReadAllAsync(new ListProjectHistoryRequest { ProjectId = id, PageSize = 2, Types_ = { ProjectEventType.StateSynced } });
        var exports = await ReadAllAsync(new ListProjectHistoryRequest { ProjectId = id, Types_ = { ProjectEventType.ExportSucceeded } });

        Assert.Equal([4, 2], newest.Pages);
        Assert.Equal([6L, 5, 4, 3, 2, 1], newest.Events.Select(e => e.Version));
        Assert.Equal([1L, 2, 3, 4, 5, 6], oldest.Events.Select(e => e.Version));
        Assert.Equal([4L, 3, 2], syncs.Events.Select(e => e.Version));
        Assert.Empty(exports.Events);
    }

    [Fact]
    public async Task RefusesBadRequestsAndForeignTokens()
    {
        var id = await CreateWithHistoryAsync();
        var other = (await Projects.CreateProjectAsync(new CreateProjectRequest())).Project.Id;
        var token = (await Projects.ListProjectHistoryAsync(new ListProjectHistoryRequest { ProjectId = id, PageSize = 1 })).NextPageToken;
        var unknown = Guid.NewGuid().ToString();

        async Task<RpcException> List(ListProjectHistoryRequest request) =>
            await Assert.ThrowsAsync<RpcException>(() => Projects.ListProjectHistoryAsync(request));

        AssertInvalid(await List(new ListProjectHistoryRequest { ProjectId = id, PageSize = -5 }), "INVALID_REQUEST", "page_size");
        AssertInvalid(await List(new ListProjectHistoryRequest { ProjectId = id, Types_ = { ProjectEventType.Unspecified } }), "INVALID_REQUEST", "types");
        AssertInvalid(await List(new ListProjectHistoryRequest { ProjectId = other, PageToken = token }), "INVALID_PAGE_TOKEN", "page_token");
        AssertInvalid(await List(new ListProjectHistoryRequest { ProjectId = id, OldestFirst = true, PageToken = token }), "INVALID_PAGE_TOKEN", "page_token");
        AssertInvalid(await List(new ListProjectHistoryRequest { ProjectId = id, PageToken = token[..^2] }), "INVALID_PAGE_TOKEN", "page_token");
        AssertInvalid(await List(new ListProjectHistoryRequest { ProjectId = "" }), "INVALID_REQUEST", "project_id");
        AssertProjectNotFound(await List(new ListProjectHistoryRequest { ProjectId = unknown }), unknown);
    }

    /// <summary>
    /// Version 1 created "Draft" with 6 items; 2 moves item-2 to a track of its own; 3 moves item-1 and changes two of its keyframes; 4 adds
    /// item-9; 5 renames the project to "Launch"; 6 reverts to version 2.
    /// </summary>
    private async Task<string> CreateWithHistoryAsync()
    {
        var id = (await Projects.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project { Title = "Draft", EditorState = Parse(LargeState(6)) },
        })).Project.Id;
        await SyncAsync(id, Parse(LargeState(6, movedItem: 2, start: 5)));
        var keyframes = Parse(LargeState(6, movedItem: 2, start: 5));
        Item(keyframes, "item-1").Fields["left"].StructValue.Fields["value"] = Value.ForNumber(7);
        var top = Item(keyframes, "item-1").Fields["top"].StructValue.Fields["keyframes"].ListValue.Values;
        top[0].StructValue.Fields["value"] = Value.ForNumber(0.1);
        top[1].StructValue.Fields["value"] = Value.ForNumber(0.9);
        await SyncAsync(id, keyframes);
        var added = keyframes.Clone();
        added.Fields["items"].StructValue.Fields["item-9"] = Value.ForStruct(Item(keyframes, "item-0").Clone());
        Item(added, "item-9").Fields["id"] = Value.ForString("item-9");
        Item(added, "item-9").Fields["startTicks"] = Value.ForNumber(480_000);
        var secondTrack = added.Fields["tracks"].ListValue.Values[1].StructValue;
        secondTrack.Fields["items"].ListValue.Values.Add(Value.ForString("item-9"));
        await SyncAsync(id, added);
        await Projects.UpdateProjectAsync(new UpdateProjectRequest { Project = new Project { Id = id, Title = "Launch" } });
        await Projects.RevertProjectAsync(new RevertProjectRequest { ProjectId = id, Version = 2 });
        return id;
    }

    private static Struct Item(Struct state, string itemId) => state.Fields["items"].StructValue.Fields[itemId].StructValue;

    private Task<SyncProjectResponse> SyncAsync(string id, Struct state) =>
        Projects.SyncProjectAsync(new SyncProjectRequest { ProjectId = id, EditorState = state });

    private async Task<(List<ProjectEvent> Events, List<int> Pages)> ReadAllAsync(ListProjectHistoryRequest request)
    {
        var events = new List<ProjectEvent>();
        var pages = new List<int>();
        while (true)
        {
            var page = await Projects.ListProjectHistoryAsync(request);
            events.AddRange(page.Events);
            pages.Add(page.Events.Count);
            if (page.NextPageToken.Length == 0)
            {
                return (events, pages);
            }
            request = request.Clone();
            request.PageToken = page.NextPageToken;
        }
    }
}
