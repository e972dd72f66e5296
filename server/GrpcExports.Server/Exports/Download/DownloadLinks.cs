using Google.Protobuf.WellKnownTypes;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Exports.Retention;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace GrpcExports.Server.Exports.Download;

/// <summary>
/// Puts a freshly signed download URL (and its expiry) into the output of a succeeded export on its way to a client:
/// <c>{base}/exports/{id}/download?expires={unix seconds}&amp;signature={HMAC}</c>, and the time the retention sweep
/// will delete the file.
/// </summary>
internal sealed class DownloadLinks(DownloadSigningKey key, DownloadEndpoint endpoint, IServer server, IOptions<ExportDownloadOptions> options,
    IOptions<RetentionOptions> retention)
{
    /// <summary>The path of the download route; {exportId} is the export's id.</summary>
    public const string RoutePattern = "/exports/{exportId}/download";

    /// <summary>A copy of <paramref name="export"/> with its download URL and expiry when it has an output; otherwise the export itself.</summary>
    public async Task<Export> WithDownloadUrlAsync(Export export, CancellationToken cancellationToken)
    {
        if (export.Output is null || !Guid.TryParse(export.Id, out var exportId))
        {
            return export;
        }
        var expires = DownloadToken.ExpiryFor(DateTimeOffset.UtcNow, options.Value.UrlLifetime);
        var signature = DownloadToken.Sign(await key.GetAsync(cancellationToken), exportId, export.OwnerId, expires.ToUnixTimeSeconds());
        var linked = export.Clone();
        linked.Output.DownloadUrl = $"{BaseUrl()}/exports/{exportId}/download?expires={expires.ToUnixTimeSeconds()}&signature={signature}";
        linked.Output.DownloadUrlExpireTime = Timestamp.FromDateTimeOffset(expires);
        if (retention.Value.OutputRetention > TimeSpan.Zero && export.FinishTime is { } finished)
        {
            linked.Output.ExpireTime = Timestamp.FromDateTimeOffset(finished.ToDateTimeOffset() + retention.Value.OutputRetention);
        }
        return linked;
    }

    private string BaseUrl()
    {
        var configured = options.Value.BaseUrl;
        var address = !string.IsNullOrWhiteSpace(configured) ? configured
            : endpoint.Address?.ToString()
            ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server does not listen anywhere yet.");
        return address.TrimEnd('/');
    }
}
