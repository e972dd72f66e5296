using System.Net;
using GrpcExports.Protocol.V1;
using GrpcExports.Tests.Support;
using static GrpcExports.Tests.Exports.ExportDocuments;

namespace GrpcExports.Tests.Exports.Download;

/// <summary>Download URLs stop working when they expire (Exports:Download:UrlLifetime), and the lifetime setting is checked at start-up.</summary>
public sealed class ExportDownloadExpiryTests
{
    [Fact]
    public async Task A_url_past_its_expiry_is_404_and_a_later_read_mints_a_later_one()
    {
        await using var server = await ExportServer.StartAsync("--Exports:Download:UrlLifetime=00:00:01");
        var created = (await server.Exports.CreateExportAsync(new CreateExportRequest { EditorState = SolidColour("#ff0000", 0.2) })).Export;
        var finished = (await server.Exports.WatchToEndAsync(created.Id))[^1];
        var expires = finished.Output.DownloadUrlExpireTime.ToDateTimeOffset();
        using var http = new HttpClient();

        // Waits for the expiry to pass; the expiry is a second or two away.
        while (DateTimeOffset.UtcNow <= expires.AddSeconds(1))
        {
            await Task.Delay(250);
        }
        using var expired = await http.GetAsync(finished.Output.DownloadUrl);
        var fresh = (await server.Exports.GetExportAsync(new GetExportRequest { ExportId = created.Id })).Export;

        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Empty(await expired.Content.ReadAsByteArrayAsync());
        Assert.True(fresh.Output.DownloadUrlExpireTime.ToDateTimeOffset() > expires, fresh.Output.ToString());
        Assert.NotEqual(finished.Output.DownloadUrl, fresh.Output.DownloadUrl);
    }

    [Fact]
    public async Task A_lifetime_that_is_not_positive_stops_the_server_at_start_up()
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0", "--Exports:Download:UrlLifetime=00:00:00"));

        Assert.Contains("Exports:Download:UrlLifetime", error.Message);
    }
}
