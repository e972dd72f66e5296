using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using GrpcExports.Protocol.V1;
using GrpcExports.Tests.Rendering.Export;
using GrpcExports.Tests.Support;
using static GrpcExports.Tests.Exports.ExportDocuments;

namespace GrpcExports.Tests.Exports.Download;

/// <summary>
/// The signed HTTP download URL of a succeeded export, fetched from the HTTP/1.1 Download endpoint by .NET's HttpClient
/// and by curl without flags: whole files, ranges, conditional ranges, HEAD, and URLs that must not work.
/// </summary>
public sealed class ExportHttpDownloadTests : IAsyncLifetime
{
    private static readonly HttpClient Http = new();

    private ExportServer _server = null!;
    private Export _pattern = null!;
    private Export _solid = null!;
    private byte[] _bytes = null!;

    public async Task InitializeAsync()
    {
        _server = await ExportServer.StartAsync("--Exports:MaxActivePerUser=4");
        // A test pattern compresses far less than a solid colour, so ranges fall well inside the file.
        await TestVideos.TestPatternAsync(Path.Combine(_server.MediaDirectory, "pattern.mp4"), 320, 180, 2);
        _pattern = await ExportAsync(new CreateExportRequest
        {
            EditorState = VideoFromMedia("pattern.mp4", 320, 180, seconds: 2), Name = "Launch teaser", Options = new ExportOptions { Fps = 10 },
        });
        _solid = await ExportAsync(new CreateExportRequest { EditorState = SolidColour("#00ff00", 0.3), Options = new ExportOptions { Fps = 10 } });
        _bytes = await File.ReadAllBytesAsync(Path.Combine(_server.OutputDirectory, _pattern.Id + ".mp4"));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task An_http11_client_downloads_the_whole_file_with_its_type_name_and_sha256_etag()
    {
        var url = new Uri(_pattern.Output.DownloadUrl);
        using var response = await Http.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal((_server.DownloadAddress.Host, _server.DownloadAddress.Port), (url.Host, url.Port));
        Assert.Equal($"/exports/{_pattern.Id}/download", url.AbsolutePath);
        Assert.Equal((HttpStatusCode.OK, new Version(1, 1)), (response.StatusCode, response.Version));
        Assert.Equal(_bytes, body);
        Assert.Equal(_pattern.Output.Sha256, Convert.ToHexStringLower(SHA256.HashData(body)));
        Assert.Equal("video/mp4", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(("attachment", "Launch teaser.mp4"), (response.Content.Headers.ContentDisposition!.DispositionType,
            response.Content.Headers.ContentDisposition.FileName));
        Assert.Equal($"\"{_pattern.Output.Sha256}\"", response.Headers.ETag!.Tag);
        Assert.Contains("bytes", response.Headers.AcceptRanges);
        var expires = _pattern.Output.DownloadUrlExpireTime.ToDateTimeOffset();
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddMinutes(50), DateTimeOffset.UtcNow.AddMinutes(71));
    }

    [Fact]
    public async Task The_same_url_works_over_http2_with_prior_knowledge_on_the_grpc_endpoint()
    {
        var onGrpcPort = new UriBuilder(_pattern.Output.DownloadUrl) { Port = _server.Address.Port }.Uri;
        using var request = new HttpRequestMessage(HttpMethod.Get, onGrpcPort)
        {
            Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        using var response = await Http.SendAsync(request);

        Assert.Equal((HttpStatusCode.OK, HttpVersion.Version20), (response.StatusCode, response.Version));
        Assert.Equal(_bytes, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_range_is_206_with_its_bytes_and_a_range_past_the_end_is_416()
    {
        using var middle = await GetAsync(_pattern, request => request.Headers.Range = new RangeHeaderValue(1000, 1999));
        using var tail = await GetAsync(_pattern, request => request.Headers.Range = new RangeHeaderValue(null, 500));
        using var past = await GetAsync(_pattern, request => request.Headers.Range = new RangeHeaderValue(_bytes.Length, null));

        Assert.Equal(HttpStatusCode.PartialContent, middle.StatusCode);
        Assert.Equal((1000L, 1999L, (long)_bytes.Length), (middle.Content.Headers.ContentRange!.From, middle.Content.Headers.ContentRange.To,
            middle.Content.Headers.ContentRange.Length));
        Assert.Equal(_bytes[1000..2000], await middle.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.PartialContent, tail.StatusCode);
        Assert.Equal(_bytes[^500..], await tail.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, past.StatusCode);
        Assert.Equal((long)_bytes.Length, past.Content.Headers.ContentRange!.Length);
        Assert.Empty(await past.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task If_range_with_the_sha256_resumes_and_with_another_tag_sends_the_whole_file()
    {
        using var resumed = await GetAsync(_pattern, request =>
        {
            request.Headers.Range = new RangeHeaderValue(4096, null);
            request.Headers.IfRange = new RangeConditionHeaderValue($"\"{_pattern.Output.Sha256}\"");
        });
        using var changed = await GetAsync(_pattern, request =>
        {
            request.Headers.Range = new RangeHeaderValue(4096, null);
            request.Headers.IfRange = new RangeConditionHeaderValue($"\"{_solid.Output.Sha256}\"");
        });
        using var unchanged = await GetAsync(_pattern, request => request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{_pattern.Output.Sha256}\"")));

        Assert.Equal(HttpStatusCode.PartialContent, resumed.StatusCode);
        Assert.Equal(_bytes[4096..], await resumed.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(_bytes, await changed.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
    }

    [Fact]
    public async Task Head_answers_the_size_and_type_without_a_body()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, _pattern.Output.DownloadUrl);
        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((long)_bytes.Length, response.Content.Headers.ContentLength);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType!.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_url_altered_in_any_part_is_404_with_no_body()
    {
        var url = new Uri(_pattern.Output.DownloadUrl);
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        var (expires, signature) = (query["expires"]!, query["signature"]!);
        var flipped = (signature[0] == 'A' ? "B" : "A") + signature[1..];
        string[] altered =
        [
            $"/exports/{_pattern.Id}/download?expires={expires}&signature={flipped}",
            $"/exports/{_pattern.Id}/download?expires={long.Parse(expires) + 3600}&signature={signature}",
            $"/exports/{_solid.Id}/download?expires={expires}&signature={signature}",
            $"/exports/{Guid.NewGuid()}/download?expires={expires}&signature={signature}",
            $"/exports/{_pattern.Id}/download?expires={expires}",
            $"/exports/{_pattern.Id}/download",
            $"/exports/not-an-id/download?expires={expires}&signature={signature}",
        ];

        foreach (var path in altered)
        {
            using var response = await Http.GetAsync(new Uri(_server.DownloadAddress, path));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Curl_without_flags_downloads_the_file_and_a_range_and_gets_404_for_a_bad_url()
    {
        using var directory = new TemporaryDirectory();
        var whole = Path.Combine(directory.Path, "whole.mp4");
        var part = Path.Combine(directory.Path, "part.bin");

        var full = await ExternalProcess.RunAsync("curl", ["--silent", "--show-error", "--fail", "--output", whole, _pattern.Output.DownloadUrl]);
        var range = await ExternalProcess.RunAsync("curl", ["--silent", "--show-error", "--fail", "--range", "100-299", "--output", part,
            _pattern.Output.DownloadUrl]);
        var bad = await ExternalProcess.RunAsync("curl", ["--silent", "--output", "/dev/null", "--write-out", "%{http_code}",
            _pattern.Output.DownloadUrl.Replace("signature=", "signature=x", StringComparison.Ordinal)]);

        Assert.True(full.ExitCode == 0, full.ToString());
        Assert.Equal(_bytes, await File.ReadAllBytesAsync(whole));
        Assert.True(range.ExitCode == 0, range.ToString());
        Assert.Equal(_bytes[100..300], await File.ReadAllBytesAsync(part));
        Assert.Equal("404", bad.StandardOutput);
        var probed = await ProbedExport.ReadAsync(whole);
        Assert.Equal(("h264", 320, 180), (probed.VideoCodec, probed.Width, probed.Height));
    }

    [Fact]
    public async Task Every_read_of_a_succeeded_export_carries_a_url_and_other_exports_none()
    {
        var read = (await _server.Exports.GetExportAsync(new GetExportRequest { ExportId = _pattern.Id })).Export;
        var listed = (await _server.Exports.ListExportsAsync(new ListExportsRequest())).Exports;
        var queued = (await _server.Exports.CreateExportAsync(new CreateExportRequest { EditorState = SolidColour("#000000", 0.2) })).Export;

        Assert.StartsWith(_server.DownloadAddress.ToString(), read.Output.DownloadUrl);
        Assert.All(listed.Where(e => e.Status == ExportStatus.Succeeded), e => Assert.Contains($"/exports/{e.Id}/download?", e.Output.DownloadUrl));
        Assert.Null(queued.Output);
        await _server.Exports.WatchToEndAsync(queued.Id);
    }

    private async Task<Export> ExportAsync(CreateExportRequest request)
    {
        var created = (await _server.Exports.CreateExportAsync(request)).Export;
        var finished = (await _server.Exports.WatchToEndAsync(created.Id))[^1];
        Assert.Equal(ExportStatus.Succeeded, finished.Status);
        return finished;
    }

    private static async Task<HttpResponseMessage> GetAsync(Export export, Action<HttpRequestMessage> configure)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, export.Output.DownloadUrl);
        configure(request);
        return await Http.SendAsync(request);
    }
}
