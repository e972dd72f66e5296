using System.Text.Json;
using System.Text.Json.Nodes;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Tests.Exports;
using GrpcExports.Tests.Rendering;
using GrpcExports.Tests.Support;
using static GrpcExports.Tests.Rendering.EditorStateDocument;

namespace GrpcExports.Tests.PowerShell;

/// <summary>
/// Export-, Test- and Import-GxProjectFile and Get-GxProjectThumbnail in real PowerShell against a real server: one run of
/// ProjectFileCmdletsSession.ps1 per class, whose JSON report each test checks a part of.
/// </summary>
public sealed class ProjectFileCmdletsSessionTests(ProjectFileCmdletsSessionTests.Session session) : IClassFixture<ProjectFileCmdletsSessionTests.Session>
{
    private JsonElement Seen => session.Report;

    [Fact]
    public void ExportGxProjectFileWritesTheVerifiedFileWithProgressAndReplacesOneOnlyWithForce()
    {
        var export = Seen.GetProperty("Export");

        Assert.Equal(0, export.GetProperty("WhatIfOutput").GetInt32());
        Assert.False(export.GetProperty("WhatIfLeftFile").GetBoolean());
        Assert.Equal("GrpcExports.PowerShell.Output.GxProjectFile", export.GetProperty("Type").GetString());
        Assert.Equal(1, export.GetProperty("ProjectVersion").GetInt64());
        Assert.Equal(export.GetProperty("FileSize").GetInt64(), export.GetProperty("SizeBytes").GetInt64());
        Assert.Equal(export.GetProperty("FileSha256").GetString(), export.GetProperty("Sha256").GetString());
        // A project file records when it was written, so the replacement is checked against itself.
        Assert.Equal(export.GetProperty("ForcedFileSha256").GetString(), export.GetProperty("ForcedSha256").GetString());
        Assert.Equal(1, export.GetProperty("FormatVersion").GetInt32());
        var progress = export.GetProperty("Progress");
        Assert.Equal("Completed", progress.GetProperty("LastType").GetString());
        Assert.Equal(100, progress.GetProperty("Percents").EnumerateArray().Last().GetInt32());
        Assert.StartsWith("PROJECT_FILE_EXISTS,", export.GetProperty("ExistsErrorId").GetString(), StringComparison.Ordinal);
        Assert.Matches(@"ProjectId\s+ProjectVersion\s+SizeBytes\s+IncludesAssets\s+Path", export.GetProperty("Table").GetString());
    }

    [Fact]
    public void TestGxProjectFileReportsAValidFileAndWhatItHolds()
    {
        var test = Seen.GetProperty("Test");

        Assert.Equal("GrpcExports.PowerShell.Output.GxProjectFileCheck", test.GetProperty("Type").GetString());
        Assert.True(test.GetProperty("Valid").GetBoolean());
        Assert.Equal(1, test.GetProperty("FormatVersion").GetInt32());
        Assert.Equal("Portable", test.GetProperty("Title").GetString());
        Assert.Equal(Seen.GetProperty("Export").GetProperty("ProjectId").GetString(), test.GetProperty("SourceProjectId").GetString());
        Assert.Equal(0, test.GetProperty("Problems").GetInt32());
    }

    [Fact]
    public void ImportGxProjectFileCreatesAProjectWithTheSourcesEditorState()
    {
        var import = Seen.GetProperty("Import");

        Assert.Empty(import.GetProperty("Errors").EnumerateArray());
        Assert.Equal("GrpcExports.PowerShell.Output.GxProjectImport", import.GetProperty("Type").GetString());
        Assert.Equal("GrpcExports.PowerShell.Output.GxProject", import.GetProperty("ProjectType").GetString());
        Assert.NotEqual(Seen.GetProperty("Export").GetProperty("ProjectId").GetString(), import.GetProperty("ProjectId").GetString());
        Assert.Equal("Portable", import.GetProperty("Title").GetString());
        Assert.Empty(import.GetProperty("MissingAssetKeys").EnumerateArray());
        Assert.Empty(import.GetProperty("Warnings").EnumerateArray());
        Assert.Equal("Completed", import.GetProperty("Progress").GetProperty("LastType").GetString());
        Assert.Equal(100, import.GetProperty("Progress").GetProperty("Percents").EnumerateArray().Last().GetInt32());
        var source = JsonNode.Parse(import.GetProperty("SourceEditorState").GetString()!);
        Assert.NotNull(source);
        Assert.True(JsonNode.DeepEquals(source, JsonNode.Parse(import.GetProperty("ImportedEditorState").GetString()!)));
        Assert.True(JsonNode.DeepEquals(source, JsonNode.Parse(import.GetProperty("ReturnedEditorState").GetString()!)));
    }

    [Fact]
    public async Task GetGxProjectThumbnailWritesAPngOfTheSolidColour()
    {
        var thumbnail = Seen.GetProperty("Thumbnail");

        Assert.Equal("GrpcExports.PowerShell.Output.GxProjectThumbnail", thumbnail.GetProperty("Type").GetString());
        Assert.Equal("image/png", thumbnail.GetProperty("ContentType").GetString());
        Assert.Equal((160, 90), (thumbnail.GetProperty("Width").GetInt32(), thumbnail.GetProperty("Height").GetInt32()));
        Assert.Equal(thumbnail.GetProperty("FileSize").GetInt64(), thumbnail.GetProperty("SizeBytes").GetInt64());
        var png = await DecodedPng.ReadAsync(thumbnail.GetProperty("Path").GetString()!, 160, 90);
        PixelAssert.Near(new Color(0x33, 0x66, 0xff), png[80, 45], tolerance: 3, where: "the centre");
    }

    /// <summary>Starts the server, writes the solid-colour document, runs ProjectFileCmdletsSession.ps1 once, and keeps what it saw.</summary>
    public sealed class Session : IAsyncLifetime
    {
        private readonly TemporaryDirectory _files = new();
        private ExportServer? _server;

        public JsonElement Report { get; private set; }

        public async Task InitializeAsync()
        {
            _server = await ExportServer.StartAsync();
            await File.WriteAllTextAsync(Path.Combine(_files.Path, "solid.json"), new EditorStateDocument(160, 90)
                .Track("track-1", "solid")
                .Solid("solid", "#3366ff", 0, Seconds(1), left: 0, top: 0, width: 160, height: 90)
                .ToJson());
            Report = await SessionScript.RunAsync("ProjectFileCmdletsSession.ps1",
                ("Endpoint", _server.Address.ToString()),
                ("ApiKey", _server.ApiKey),
                ("FilesDirectory", _files.Path));
        }

        public async Task DisposeAsync()
        {
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }
            _files.Dispose();
        }
    }
}
