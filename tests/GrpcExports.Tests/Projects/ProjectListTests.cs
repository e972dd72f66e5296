using Google.Protobuf.WellKnownTypes;
using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Support;
using static GrpcExports.Tests.Projects.ProjectAssertions;

namespace GrpcExports.Tests.Projects;

/// <summary>ListProjects: folder and title filters, newest change first, keyset pages, AIP-158 page sizes, and its errors.</summary>
public sealed class ProjectListTests(ServerFixture server) : IClassFixture<ServerFixture>, IDisposable
{
    private readonly GrpcConnection _connection = server.Connect();

    private ProjectServiceClient Projects => new(_connection);

    public void Dispose() => _connection.Dispose();

    [Fact]
    public async Task PagesThroughAFolderNewestChangeFirstWithoutRepeatsOrGapsWhileRowsChange()
    {
        var folder = NewFolder();
        var created = await CreateAsync(folder, count: 7);

        var first = await Projects.ListProjectsAsync(new ListProjectsRequest { FolderId = folder, PageSize = 3 });
        // The oldest project is edited between pages: it moves to the front, behind the reader's position.
        var edited = created[0];
        await Projects.UpdateProjectAsync(new UpdateProjectRequest { Project = new Project { Id = edited, Title = "edited" } });
        var rest = await ReadAllAsync(new ListProjectsRequest { FolderId = folder, PageSize = 3, PageToken = first.NextPageToken });

        Assert.Equal(3, first.Projects.Count);
        Assert.Equal(created.AsEnumerable().Reverse().Take(3), first.Projects.Select(p => p.Id));
        var seen = first.Projects.Concat(rest).Select(p => p.Id).ToList();
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(created.Where(id => id != edited).Order(), seen.Where(id => id != edited).Order());
        var fresh = await ReadAllAsync(new ListProjectsRequest { FolderId = folder, PageSize = 2 });
        Assert.Equal(edited, fresh[0].Id);
        Assert.Equal(fresh.Select(p => p.UpdateTime.ToDateTimeOffset()).OrderDescending(), fresh.Select(p => p.UpdateTime.ToDateTimeOffset()));
        Assert.All(fresh, p => Assert.Null(p.EditorState));
    }

    [Fact]
    public async Task PagesOfOneFollowUpdateTimeDescendingWithTheIdAsTieBreak()
    {
        var folder = NewFolder();
        await CreateAsync(folder, count: 5);

        var all = await ReadAllAsync(new ListProjectsRequest { FolderId = folder, PageSize = 1 });

        Assert.Equal(5, all.Count);
        for (var i = 1; i < all.Count; i++)
        {
            var (before, after) = (all[i - 1], all[i]);
            Assert.True(before.UpdateTime.ToDateTimeOffset() > after.UpdateTime.ToDateTimeOffset()
                || (before.UpdateTime == after.UpdateTime && Guid.Parse(before.Id).CompareTo(Guid.Parse(after.Id)) > 0));
        }
    }

    [Fact]
    public async Task SearchesTitlesCaseInsensitivelyAndTakesWildcardsLiterally()
    {
        var folder = NewFolder();
        foreach (var title in new[] { "Launch Video", "the LAUNCH teaser", "Other", "100% done", "under_score" })
        {
            await Projects.CreateProjectAsync(new CreateProjectRequest { Project = new Project { Title = title, FolderId = folder } });
        }

        async Task<string[]> Titles(string search) => (await ReadAllAsync(new ListProjectsRequest { FolderId = folder, TitleContains = search }))
            .Select(p => p.Title).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["Launch Video", "the LAUNCH teaser"], await Titles("launch"));
        Assert.Equal(["100% done"], await Titles("%"));
        Assert.Equal(["under_score"], await Titles("_"));
        Assert.Empty(await Titles("missing"));
    }

    [Fact]
    public async Task FiltersByFolderAndByUpdateTime()
    {
        var folder = NewFolder();
        var early = await CreateAsync(folder, count: 2);
        var boundary = (await Projects.GetProjectAsync(new GetProjectRequest { ProjectId = early[1], View = ProjectView.Basic })).Project.UpdateTime;
        var late = await CreateAsync(folder, count: 2);
        await CreateAsync(NewFolder(), count: 1);

        var inFolder = await ReadAllAsync(new ListProjectsRequest { FolderId = folder });
        var after = await ReadAllAsync(new ListProjectsRequest { FolderId = folder, UpdateTimeAfter = boundary });
        var before = await ReadAllAsync(new ListProjectsRequest { FolderId = folder, UpdateTimeBefore = boundary });

        Assert.Equal(early.Concat(late).Order(), inFolder.Select(p => p.Id).Order());
        Assert.Equal(late.Append(early[1]).Order(), after.Select(p => p.Id).Order());
        Assert.Equal([early[0]], before.Select(p => p.Id));
    }

    [Fact]
    public async Task LeavesOutDeletedProjectsAndIncludesStatesOnlyInTheFullView()
    {
        var folder = NewFolder();
        var ids = await CreateAsync(folder, count: 3);
        await Projects.DeleteProjectAsync(new DeleteProjectRequest { ProjectId = ids[1] });

        var basic = await ReadAllAsync(new ListProjectsRequest { FolderId = folder });
        var full = await ReadAllAsync(new ListProjectsRequest { FolderId = folder, View = ProjectView.Full });

        Assert.Equal([ids[2], ids[0]], basic.Select(p => p.Id));
        Assert.All(basic, p => Assert.Null(p.EditorState));
        Assert.All(full, p => Assert.Equal(1920, p.EditorState.Fields["compositionWidth"].NumberValue));
    }

    [Fact]
    public async Task PageSizeDefaultsTo20AndIsCappedAt100()
    {
        var folder = NewFolder();
        await CreateAsync(folder, count: 101);

        var byDefault = await Projects.ListProjectsAsync(new ListProjectsRequest { FolderId = folder });
        var capped = await Projects.ListProjectsAsync(new ListProjectsRequest { FolderId = folder, PageSize = 5000 });
        var last = await Projects.ListProjectsAsync(new ListProjectsRequest { FolderId = folder, PageSize = 5000, PageToken = capped.NextPageToken });

        Assert.Equal(20, byDefault.Projects.Count);
        Assert.NotEmpty(byDefault.NextPageToken);
        Assert.Equal(100, capped.Projects.Count);
        Assert.Single(last.Projects);
        Assert.Empty(last.NextPageToken);
    }

    [Fact]
    public async Task RefusesNegativePageSizesAndLongSearches()
    {
        var size = await Assert.ThrowsAsync<RpcException>(() => Projects.ListProjectsAsync(new ListProjectsRequest { PageSize = -1 }));
        var search = await Assert.ThrowsAsync<RpcException>(() => Projects.ListProjectsAsync(new ListProjectsRequest { TitleContains = new string('x', 129) }));
        var folder = await Assert.ThrowsAsync<RpcException>(() => Projects.ListProjectsAsync(new ListProjectsRequest { FolderId = new string('f', 129) }));

        AssertInvalid(size, "INVALID_REQUEST", "page_size");
        AssertInvalid(search, "INVALID_REQUEST", "title_contains");
        AssertInvalid(folder, "INVALID_REQUEST", "folder_id");
    }

    [Fact]
    public async Task RefusesTamperedMalformedAndMismatchedPageTokens()
    {
        var folder = NewFolder();
        await CreateAsync(folder, count: 3);
        var token = (await Projects.ListProjectsAsync(new ListProjectsRequest { FolderId = folder, PageSize = 1 })).NextPageToken;
        var bytes = Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/').PadRight((token.Length + 3) / 4 * 4, '='));
        bytes[bytes.Length / 2] ^= 0x20;
        var tampered = Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        foreach (var request in new[]
                 {
                     new ListProjectsRequest { FolderId = folder, PageToken = tampered },
                     new ListProjectsRequest { FolderId = folder, PageToken = "not a token!" },
                     new ListProjectsRequest { FolderId = folder, PageToken = "AAAA" },
                     new ListProjectsRequest { FolderId = NewFolder(), PageToken = token },
                     new ListProjectsRequest { FolderId = folder, TitleContains = "x", PageToken = token },
                     new ListProjectsRequest { FolderId = folder, UpdateTimeAfter = Timestamp.FromDateTime(DateTime.UtcNow), PageToken = token },
                 })
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => Projects.ListProjectsAsync(request));
            AssertInvalid(error, "INVALID_PAGE_TOKEN", "page_token");
        }
        // A different page size and view keep the token valid.
        var next = await Projects.ListProjectsAsync(new ListProjectsRequest { FolderId = folder, PageSize = 5, View = ProjectView.Full, PageToken = token });
        Assert.Equal(2, next.Projects.Count);
    }

    private static string NewFolder() => "f-" + Guid.NewGuid().ToString("N");

    private async Task<List<string>> CreateAsync(string folder, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await Projects.CreateProjectAsync(new CreateProjectRequest { Project = new Project { Title = $"p{i}", FolderId = folder } })).Project.Id);
        }
        return ids;
    }

    private async Task<List<Project>> ReadAllAsync(ListProjectsRequest request)
    {
        var projects = new List<Project>();
        while (true)
        {
            var page = await Projects.ListProjectsAsync(request);
            projects.AddRange(page.Projects);
            if (page.NextPageToken.Length == 0)
            {
                return projects;
            }
            request = request.Clone();
            request.PageToken = page.NextPageToken;
        }
    }
}
