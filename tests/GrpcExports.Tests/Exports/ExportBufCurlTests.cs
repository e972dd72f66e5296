using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using GrpcExports.Tests.Independent;
using GrpcExports.Tests.Rendering.Export;
using GrpcExports.Tests.Support;
using static GrpcExports.Tests.Exports.ExportDocuments;

namespace GrpcExports.Tests.Exports;

/// <summary>
/// Exports through `buf curl`, an independent client: created from JSON, watched as a stream to SUCCEEDED, and a
/// project's export end to end (create, sync, export, watch, download, ffprobe).
/// </summary>
public sealed class ExportBufCurlTests : IAsyncLifetime
{
    private const string Service = "grpcexports.v1.ExportService/";
    private const string Projects = "grpcexports.v1.ProjectService/";

    private ExportServer _server = null!;

    public async Task InitializeAsync() => _server = await ExportServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_stateless_export_created_and_watched_with_buf_curl_succeeds()
    {
        var state = JsonFormatter.Default.Format(SolidColour("#ff00ff", seconds: 0.5));
        var create = await BufCurl.CallWithKeyAsync(_server.Address, _server.ApiKey, Service + "CreateExport",
            $$$"""{"editorState": {{{state}}}, "name": "buf", "options": {"fps": 10, "format": "EXPORT_FORMAT_WEBM"} }""");
        Assert.True(create.ExitCode == 0, create.ToString());
        var id = JsonDocument.Parse(create.StandardOutput).RootElement.GetProperty("export").GetProperty("id").GetString();

        var watch = await BufCurl.CallWithKeyAsync(_server.Address, _server.ApiKey, Service + "WatchExport", $$"""{"exportId": "{{id}}"}""");

        Assert.True(watch.ExitCode == 0, watch.ToString());
        var statuses = new List<string>();
        await foreach (var message in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(
            new MemoryStream(Encoding.UTF8.GetBytes(watch.StandardOutput)), topLevelValues: true))
        {
            statuses.Add(message.GetProperty("export").GetProperty("status").GetString()!);
        }
        Assert.Equal("EXPORT_STATUS_SUCCEEDED", statuses[^1]);
        Assert.All(statuses[..^1], s => Assert.Contains(s, new[] { "EXPORT_STATUS_QUEUED", "EXPORT_STATUS_RENDERING" }));
        Assert.Equal(id + ".webm", Path.GetFileName(Assert.Single(_server.OutputFiles())));
    }

    [Fact]
    public async Task A_project_created_synced_exported_watched_and_downloaded_with_buf_curl_is_the_synced_video()
    {
        var create = await CallAsync(Projects + "CreateProject",
            $$$"""{"project": {"title": "buf film", "editorState": {{{JsonFormatter.Default.Format(SolidColour("#ff0000", seconds: 1))}}} }}""");
        var projectId = create.GetProperty("project").GetProperty("id").GetString();
        var sync = await CallAsync(Projects + "SyncProject",
            $$$"""{"projectId": "{{{projectId}}}", "expectedStateVersion": "1", "editorState": {{{JsonFormatter.Default.Format(SolidColour("#00ff00", seconds: 1))}}} }""");
        var export = await CallAsync(Service + "CreateExport", $$$"""{"projectId": "{{{projectId}}}", "options": {"fps": 10} }""");
        var exportId = export.GetProperty("export").GetProperty("id").GetString();
        var watched = await StreamAsync(Service + "WatchExport", $$"""{"exportId": "{{exportId}}"}""");
        var download = await StreamAsync(Service + "DownloadExport", $$"""{"exportId": "{{exportId}}", "chunkSize": 16384}""");

        Assert.Equal("2", sync.GetProperty("stateVersion").GetString());
        var finished = watched[^1].GetProperty("export");
        Assert.Equal(("EXPORT_STATUS_SUCCEEDED", "2"), (finished.GetProperty("status").GetString(), finished.GetProperty("projectVersion").GetString()));
        var info = download[0].GetProperty("info");
        var bytes = download.Skip(1).SelectMany(message => message.GetProperty("chunk").GetBytesFromBase64()).ToArray();
        Assert.Equal(long.Parse(info.GetProperty("sizeBytes").GetString()!), bytes.Length);
        Assert.Equal(finished.GetProperty("output").GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        using var directory = new TemporaryDirectory();
        var file = Path.Combine(directory.Path, info.GetProperty("fileName").GetString()!);
        await File.WriteAllBytesAsync(file, bytes);
        var probed = await ProbedExport.ReadAsync(file);
        Assert.Equal(("h264", 10.0), (probed.VideoCodec, probed.FrameRate));
        var colour = await probed.ColorAtAsync(5, 80, 45);
        Assert.True(colour.G > 230 && colour.R < 25, colour.ToString());
        var fetched = await ExternalProcess.RunAsync("curl", ["--silent", "--show-error", "--fail", "--output", file + ".http",
            finished.GetProperty("output").GetProperty("downloadUrl").GetString()!]);
        Assert.True(fetched.ExitCode == 0, fetched.ToString());
        Assert.Equal(bytes, await File.ReadAllBytesAsync(file + ".http"));
    }

    private async Task<JsonElement> CallAsync(string method, string json) => Assert.Single(await StreamAsync(method, json));

    /// <summary>Every JSON message buf curl printed for the call.</summary>
    private async Task<List<JsonElement>> StreamAsync(string method, string json)
    {
        var result = await BufCurl.CallWithKeyAsync(_server.Address, _server.ApiKey, method, json);
        Assert.True(result.ExitCode == 0, result.ToString());
        var messages = new List<JsonElement>();
        await foreach (var message in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(
            new MemoryStream(Encoding.UTF8.GetBytes(result.StandardOutput)), topLevelValues: true))
        {
            messages.Add(message);
        }
        return messages;
    }
}
