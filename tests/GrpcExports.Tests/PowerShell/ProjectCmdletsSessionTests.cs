using System.Text.Json;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.PowerShell;

/// <summary>
/// Every project cmdlet, the argument completers, the API key sources of Connect-GxServer and the examples/ scripts in
/// real PowerShell against the real server: one run of ProjectCmdletsSession.ps1 per class, whose JSON report each
/// test checks a part of.
/// </summary>
public sealed class ProjectCmdletsSessionTests(ProjectCmdletsSessionTests.Session session) : IClassFixture<ProjectCmdletsSessionTests.Session>
{
    private const string ProjectType = "GrpcExports.PowerShell.Output.GxProject";

    private JsonElement Seen => session.Report;

    [Fact]
    public void GetGxProjectListsNewestFirstThroughSeveralPagesAndFilters()
    {
        var listing = Seen.GetProperty("Listing");

        Assert.Equal(["Paged 5", "Paged 4", "Paged 3", "Paged 2", "Paged 1"], Strings(listing, "FolderTitles"));
        Assert.Equal(3, listing.GetProperty("ListCalls").GetInt32());
        Assert.Equal(["Paged 4", "Paged 3", "Paged 2"], Strings(listing, "SkipFirst"));
        Assert.Equal(["Paged 3"], Strings(listing, "TitleContains"));
        Assert.False(listing.GetProperty("HasEditorState").GetBoolean());
        Assert.Equal(["Paged 1 renamed"], Strings(Seen.GetProperty("Set"), "UpdatedAfterMark"));
    }

    [Fact]
    public void SetGxProjectChangesOnlyWhatIsGivenAndWritesOnlyWithPassThru()
    {
        var set = Seen.GetProperty("Set");

        Assert.Equal(0, set.GetProperty("QuietOutput").GetInt32());
        Assert.Equal(ProjectType, set.GetProperty("PassThruType").GetString());
        Assert.Equal("Paged 1 renamed", set.GetProperty("PassThruTitle").GetString());
        Assert.Equal("Again", set.GetProperty("PassThruDescription").GetString());
        Assert.Equal(0, set.GetProperty("WhatIfOutput").GetInt32());
        Assert.Equal("Paged 1 renamed", set.GetProperty("TitleAfter").GetString());
        Assert.Equal("Again", set.GetProperty("DescriptionAfter").GetString());
        Assert.Equal(3, set.GetProperty("VersionAfter").GetInt64());
        Assert.StartsWith("NOTHING_TO_CHANGE,", set.GetProperty("NothingToChangeErrorId").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RemoveGxProjectAsksFirstAndAfterwardsTheProjectIsNotFound()
    {
        var remove = Seen.GetProperty("Remove");

        Assert.Contains("NonInteractive", remove.GetProperty("PromptMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, remove.GetProperty("WhatIfOutput").GetInt32());
        Assert.True(remove.GetProperty("StillThereAfterWhatIf").GetBoolean());
        Assert.Equal(0, remove.GetProperty("Output").GetInt32());
        Assert.StartsWith("PROJECT_NOT_FOUND,", remove.GetProperty("GetErrorId").GetString(), StringComparison.Ordinal);
        Assert.Equal("ObjectNotFound", remove.GetProperty("GetErrorCategory").GetString());
        Assert.False(string.IsNullOrEmpty(remove.GetProperty("GetErrorTarget").GetString()));
        Assert.Equal("GrpcExports.PowerShell.Output.GxProjectDeletion", remove.GetProperty("DeletionType").GetString());
        Assert.Equal(remove.GetProperty("ForcedId").GetString(), remove.GetProperty("DeletionProjectId").GetString());
        Assert.StartsWith("PROJECT_NOT_FOUND,", remove.GetProperty("RemovedTwiceErrorId").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, remove.GetProperty("ListedAfter").GetInt32());
    }

    [Fact]
    public void CopyGxProjectCopiesTheVersionAskedForAndSaysWhereFrom()
    {
        var copy = Seen.GetProperty("Copy");
        var sourceId = copy.GetProperty("SourceId").GetString();

        Assert.Equal("Source (copy)", copy.GetProperty("FirstTitle").GetString());
        Assert.Equal("copies", copy.GetProperty("FirstFolder").GetString());
        Assert.Equal($"{sourceId}@1", copy.GetProperty("FirstClonedFrom").GetString());
        Assert.Equal(1280, copy.GetProperty("FirstWidth").GetInt32());
        Assert.Equal(1, copy.GetProperty("FirstVersion").GetInt64());
        Assert.Equal("Latest copy", copy.GetProperty("LatestTitle").GetString());
        Assert.Equal("elsewhere", copy.GetProperty("LatestFolder").GetString());
        Assert.Equal($"{sourceId}@3", copy.GetProperty("LatestClonedFrom").GetString());
        Assert.Equal(1920, copy.GetProperty("LatestWidth").GetInt32());
        Assert.StartsWith("PROJECT_VERSION_NOT_FOUND,", copy.GetProperty("NoSuchVersionErrorId").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CompareGxProjectGivesThePatchAndTheMetadataChanges()
    {
        var compare = Seen.GetProperty("Compare");

        Assert.Equal("GrpcExports.PowerShell.Output.GxProjectDiff", compare.GetProperty("Type").GetString());
        Assert.Equal(1, compare.GetProperty("FromVersion").GetInt64());
        Assert.Equal(3, compare.GetProperty("ToVersion").GetInt64());
        Assert.Equal(["replace /compositionWidth 1920"], Strings(compare, "Patch"));
        Assert.Equal(["title: Source -> Source renamed"], Strings(compare, "MetadataChanges"));
        Assert.Equal(3, compare.GetProperty("ToLatestByPosition").GetInt64());
        Assert.Contains("compositionWidth", compare.GetProperty("Rendered").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RestoreGxProjectBringsBackAnEarlierEditorStateAsANewVersion()
    {
        var restore = Seen.GetProperty("Restore");

        Assert.Equal(4, restore.GetProperty("Version").GetInt64());
        Assert.Equal(4, restore.GetProperty("StateVersion").GetInt64());
        Assert.Equal(0, restore.GetProperty("WhatIfOutput").GetInt32());
        Assert.Equal(4, restore.GetProperty("AgainVersion").GetInt64());
        Assert.Equal(["The editor state of version 1 is the current one already: nothing was stored."], Strings(restore, "AgainWarnings"));
        Assert.Equal(4, restore.GetProperty("VersionAfter").GetInt64());
        Assert.Equal(1280, restore.GetProperty("WidthAfter").GetInt32());
        Assert.Equal("Source renamed", restore.GetProperty("TitleAfter").GetString());
    }

    [Fact]
    public void GetGxProjectHistoryListsEveryEventAndRendersAsATable()
    {
        var history = Seen.GetProperty("History");

        Assert.Equal("GrpcExports.PowerShell.Output.GxProjectEvent", history.GetProperty("Type").GetString());
        Assert.Equal([4L, 3L, 2L, 1L], history.GetProperty("Versions").EnumerateArray().Select(version => version.GetInt64()));
        Assert.Equal(["Reverted", "MetadataUpdated", "StateSynced", "Created"], Strings(history, "Types"));
        Assert.Equal(1, history.GetProperty("RestoredVersion").GetInt64());
        Assert.Equal([1L, 2L], history.GetProperty("OldestFirst").EnumerateArray().Select(version => version.GetInt64()));
        Assert.Equal(1, history.GetProperty("ByPipeline").GetInt64());
        var table = history.GetProperty("Table").GetString()!.Split('\n').Select(line => line.TrimEnd()).Where(line => line.Length > 0).ToArray();
        Assert.Matches(@"^Version\s+Type\s+CreateTime\s+Actor\s+SizeBytes\s+Summary$", table[0]);
        Assert.Matches(@"^-+\s+-+", table[1]);
        Assert.Equal(6, table.Length);
        Assert.Matches(@"^\s*4\s+Reverted\s", table[2]);
        Assert.Matches(@"^\s*1\s+Created\s", table[5]);
    }

    [Fact]
    public void ProjectsFlowFromListToCopyToRenameByPropertyName()
    {
        var pipeline = Seen.GetProperty("Pipeline");

        Assert.Equal(Strings(pipeline, "OriginalIds"), Strings(pipeline, "CopiedFrom"));
        Assert.Equal(["Piped copy", "Piped copy"], Strings(pipeline, "Titles"));
        Assert.Equal(["Piped 1", "Piped 2", "Piped copy", "Piped copy"], Strings(pipeline, "FolderTitles"));
    }

    [Fact]
    public void CompletersOfferIdsFoldersAndVersionsFromTheServer()
    {
        var completion = Seen.GetProperty("Completion");
        var sourceId = Seen.GetProperty("Copy").GetProperty("SourceId").GetString()!;

        Assert.Equal([sourceId], Strings(completion, "IdByPrefix"));
        Assert.Equal($"Source renamed ({sourceId})", completion.GetProperty("IdByPrefixListItem").GetString());
        Assert.Equal([completion.GetProperty("LatestCopyId").GetString()!], Strings(completion, "IdByTitle"));
        Assert.Equal(completion.GetProperty("ProjectCount").GetInt32(), completion.GetProperty("AllIds").GetInt32());
        Assert.Equal(["paging", "pipeline"], Strings(completion, "Folders"));
        Assert.Equal(["'two words'"], Strings(completion, "QuotedFolder"));
        Assert.Equal(["4", "3", "2", "1"], Strings(completion, "Versions"));
        Assert.StartsWith("Reverted: ", completion.GetProperty("VersionToolTip").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, completion.GetProperty("VersionsWithoutId").GetInt32());
        Assert.Equal(0, Seen.GetProperty("CompletionWhenDisconnected").GetInt32());
    }

    [Fact]
    public void TheNightlyBackupExampleCopiesWhatChangedSinceAndNeverItsOwnCopies()
    {
        var examples = Seen.GetProperty("Examples");

        Assert.Equal(0, examples.GetProperty("BackupWhatIfOutput").GetInt32());
        Assert.Equal(Strings(examples, "ChangedSince"), Strings(examples, "BackedUpFrom"));
        Assert.Equal(["nightly"], Strings(examples, "BackupFolders"));
        Assert.Equal(["Fresh (copy)", "Scratch 1 (copy)", "Scratch 2 (copy)", "Source (copy) (copy)", "Worked on (copy)"],
            Strings(examples, "BackupTitles").Order(StringComparer.Ordinal));
        Assert.Equal(5, examples.GetProperty("BackupsAgain").GetInt32());
        Assert.Equal(10, examples.GetProperty("InBackupFolder").GetInt32());
    }

    [Fact]
    public void ThePruneExampleRemovesOnlyOldProjectsThatWereNeverChanged()
    {
        var examples = Seen.GetProperty("Examples");

        Assert.Equal(0, examples.GetProperty("PruneWhatIfOutput").GetInt32());
        Assert.Equal(0, examples.GetProperty("PruneKeptByAge").GetInt32());
        Assert.Equal(Strings(examples, "Scratch"), Strings(examples, "Pruned"));
        Assert.Equal(["Worked on"], Strings(examples, "LeftInFolder"));
    }

    [Fact]
    public void ConnectGxServerSendsTheApiKeyAsABearerTokenFromEachSource()
    {
        Assert.Equal(
            ["Bearer key-from-parameter", "Bearer key-from-environment", "Bearer key-from-parameter", "Bearer key-from-credential",
                AuthorizationRecordingServer.NoHeader],
            session.Recorded);
    }

    private static string[] Strings(JsonElement parent, string property) =>
        parent.GetProperty(property).EnumerateArray().Select(item => item.GetString()!).ToArray();

    /// <summary>Starts the server and the recording server, runs ProjectCmdletsSession.ps1 once, and keeps what it saw.</summary>
    public sealed class Session : IAsyncLifetime
    {
        private RunningServer? _server;
        private AuthorizationRecordingServer? _recording;

        public JsonElement Report { get; private set; }

        public IReadOnlyList<string> Recorded { get; private set; } = [];

        public async Task InitializeAsync()
        {
            _server = await RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0");
            _recording = await AuthorizationRecordingServer.StartAsync();
            Report = await SessionScript.RunAsync("ProjectCmdletsSession.ps1",
                ("Endpoint", _server.Address.ToString()),
                ("ApiKey", _server.ApiKey),
                ("RecordingEndpoint", _recording.Address.ToString()),
                ("ExamplesDirectory", Path.Combine(RepoPaths.Root, "examples")));
            Recorded = _recording.Received;
        }

        public async Task DisposeAsync()
        {
            if (_recording is not null)
            {
                await _recording.DisposeAsync();
            }
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }
        }
    }
}
