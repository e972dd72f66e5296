using System.Text.Json;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.PowerShell;

/// <summary>
/// The packed module in real PowerShell (the pwsh local tool, `dotnet pwsh`) against the real server: one PowerShell
/// run of ModuleSession.ps1 per class, whose JSON report each test checks a part of.
/// </summary>
public sealed class ModuleSessionTests(ModuleSessionTests.Session session) : IClassFixture<ModuleSessionTests.Session>
{
    private JsonElement Seen => session.Report;

    [Fact]
    public void ImportsFromThePackedFolderWithEveryCmdletAndNoWarnings()
    {
        Assert.Equal(PackedModule.Version, Seen.GetProperty("ModuleVersion").GetString());
        Assert.Equal(26, Seen.GetProperty("Commands").GetArrayLength());
        Assert.Empty(Strings("ImportWarnings"));
        Assert.Empty(Strings("UnapprovedVerbs"));
        Assert.Empty(Strings("CommandsWithoutHelpExamples"));
        Assert.Empty(Strings("OutputTypesWithoutView"));
    }

    [Fact]
    public void LoadsGoogleProtobufOnlyInTheModulesOwnContext()
    {
        Assert.Equal(["EngineLoadContext"], Strings("ProtobufContexts"));
    }

    [Fact]
    public void GetGxServerReportsTheHealthOfTheConnectedServer()
    {
        Assert.Equal("SERVING", Seen.GetProperty("ServerHealth").GetString());
        Assert.Equal(session.ServerAddress.ToString(), Seen.GetProperty("ServerEndpoint").GetString());
        Assert.Equal("GrpcExports.PowerShell.Output.GxServer", Seen.GetProperty("ServerTypeName").GetString());
    }

    [Fact]
    public void NewSyncGetRoundTripsTheEditorStateThroughThePipeline()
    {
        var roundTrip = Seen.GetProperty("RoundTrip");

        Assert.Equal("Round trip", roundTrip.GetProperty("Title").GetString());
        Assert.Equal("promo", roundTrip.GetProperty("Folder").GetString());
        Assert.Equal(2, roundTrip.GetProperty("StateVersion").GetInt64());
        Assert.Null(JsonEquivalence.FindDifference(
            """{"compositionWidth": 1920, "compositionHeight": 1080, "timebaseTicksPerSecond": 240000, "tracks": [{"id": "track-1", "items": [], "hidden": false, "muted": false}], "assets": {}, "items": {}, "transitions": {}, "custom": {"kept": [1, 2.5, "three"]}}""",
            roundTrip.GetProperty("EditorState").GetRawText()));
        Assert.Equal("Int64", roundTrip.GetProperty("WidthType").GetString());
        Assert.Null(JsonEquivalence.FindDifference("""{"compositionWidth": 1280, "compositionHeight": 720, "timebaseTicksPerSecond": 240000, "tracks": [{"id": "track-1", "items": [], "hidden": false, "muted": false}], "assets": {}, "items": {}, "transitions": {}}""",
            Seen.GetProperty("FirstVersion").GetRawText()));
    }

    [Fact]
    public void AStaleExpectedVersionIsANonTerminatingErrorNamedByItsReasonAndStoresNothing()
    {
        var stale = Seen.GetProperty("Stale");

        Assert.Equal(0, stale.GetProperty("Output").GetInt32());
        Assert.StartsWith("STALE_STATE_VERSION,", stale.GetProperty("FullyQualifiedErrorId").GetString(), StringComparison.Ordinal);
        Assert.Equal("ResourceBusy", stale.GetProperty("Category").GetString());
        Assert.Equal(Seen.GetProperty("PipelineWithOneBadItem").GetProperty("Written")[0].GetString(), stale.GetProperty("TargetObject").GetString());
        Assert.Equal(2, stale.GetProperty("StateVersionAfter").GetInt64());
        Assert.True(Seen.GetProperty("SameStateAgain").GetProperty("Unchanged").GetBoolean());
    }

    [Fact]
    public void OneFailingPipelineItemIsReportedAndTheNextGoesAhead()
    {
        var pipeline = Seen.GetProperty("PipelineWithOneBadItem");

        Assert.Equal(1, pipeline.GetProperty("Written").GetArrayLength());
        var errorId = Assert.Single(pipeline.GetProperty("ErrorIds").EnumerateArray()).GetString();
        Assert.StartsWith("INVALID_REQUEST,", errorId, StringComparison.Ordinal);
        Assert.Equal("not-a-project-id", Assert.Single(pipeline.GetProperty("ErrorTargets").EnumerateArray()).GetString());
    }

    [Fact]
    public void VerboseNamesTheRpcAndWhatIfChangesNothing()
    {
        Assert.Contains(Strings("VerboseLines"), line => line.StartsWith("grpcexports.v1.ProjectService/GetProject on ", StringComparison.Ordinal));
        Assert.Equal(0, Seen.GetProperty("WhatIf").GetProperty("Output").GetInt32());
        Assert.Equal(2, Seen.GetProperty("WhatIf").GetProperty("StateVersionAfter").GetInt64());
    }

    [Fact]
    public void StoppingThePipelineCancelsTheCallInFlight()
    {
        Assert.True(Seen.GetProperty("Stop").GetProperty("Stopped").GetBoolean());
        Assert.Equal("Stopped", Seen.GetProperty("Stop").GetProperty("State").GetString());
    }

    [Fact]
    public void ReadsTheEditorStateFromAFileAndReportsAMissingOne()
    {
        Assert.Null(JsonEquivalence.FindDifference(
            """{"compositionWidth": 1920, "compositionHeight": 1080, "timebaseTicksPerSecond": 240000, "tracks": [{"id": "track-1", "items": [], "hidden": false, "muted": false}], "assets": {}, "items": {}, "transitions": {}, "custom": {"kept": [1, 2.5, "three"]}}""",
            Seen.GetProperty("FromFile").GetRawText()));
        Assert.StartsWith("INVALID_EDITOR_STATE_INPUT,", Seen.GetProperty("MissingFileErrorId").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ValidationAndBadInputAndMissingSessionGiveClearAnswers()
    {
        Assert.True(Seen.GetProperty("Validation").GetBoolean());
        Assert.StartsWith("INVALID_EDITOR_STATE_INPUT,", Seen.GetProperty("BadEditorStateErrorId").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("NOT_CONNECTED,", Seen.GetProperty("NotConnectedErrorId").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("NOT_CONNECTED,", Seen.GetProperty("AfterDisconnectErrorId").GetString(), StringComparison.Ordinal);
    }

    private string[] Strings(string property) =>
        Seen.GetProperty(property).EnumerateArray().Select(item => item.GetString()!).ToArray();

    /// <summary>Starts the server, runs ModuleSession.ps1 once, and keeps its report.</summary>
    public sealed class Session : IAsyncLifetime
    {
        private RunningServer? _server;

        public Uri ServerAddress => _server!.Address;

        public JsonElement Report { get; private set; }

        public async Task InitializeAsync()
        {
            _server = await RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0");
            Report = await SessionScript.RunAsync("ModuleSession.ps1", ("Endpoint", ServerAddress.ToString()), ("ApiKey", _server.ApiKey));
        }

        public async Task DisposeAsync()
        {
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }
        }
    }
}
