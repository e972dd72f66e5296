using System.Text;
using System.Text.Json;
using Google.Protobuf;
using GrpcExports.Tests.Independent;
using static GrpcExports.Tests.Exports.ExportDocuments;

namespace GrpcExports.Tests.Exports;

/// <summary>An export through `buf curl`, an independent client: created from JSON, watched as a stream to SUCCEEDED.</summary>
public sealed class ExportBufCurlTests : IAsyncLifetime
{
    private const string Service = "grpcexports.v1.ExportService/";

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
}
