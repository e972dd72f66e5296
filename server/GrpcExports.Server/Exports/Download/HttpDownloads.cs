using System.Globalization;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Server.Exports.Jobs;
using Microsoft.Net.Http.Headers;

namespace GrpcExports.Server.Exports.Download;

/// <summary>
/// GET and HEAD of <see cref="DownloadLinks.RoutePattern"/>: a succeeded export's file for whoever holds a URL signed for
/// it that has not expired. ASP.NET Core's file result does the HTTP: Range (206, and 416 past the end), If-Range and
/// If-None-Match against the ETag (the file's SHA-256), HEAD without a body, Content-Disposition with the export's file
/// name. Anything wrong with the URL, or an export that is not there, is 404 with no body, so a URL never tells whether
/// an export exists; a correctly signed URL whose file retention removed is 410.
/// </summary>
internal sealed class HttpDownloads(ExportJobStore jobs, DownloadSigningKey key)
{
    public async Task<IResult> GetAsync(string exportId, string? expires, string? signature, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(exportId, out var id) || string.IsNullOrEmpty(signature)
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt)
            || expiresAt < DateTimeOffset.UtcNow.ToUnixTimeSeconds())
        {
            return Results.NotFound();
        }
        ExportJob? job;
        byte[] secret;
        try
        {
            job = await jobs.GetForWatchersAsync(id, cancellationToken);
            secret = await key.GetAsync(cancellationToken);
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.Unavailable)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        if (job is null || !DownloadToken.Verify(secret, id, job.OwnerId, expiresAt, signature)
            || job.Status != ExportStatus.Succeeded || job.Output is not { } output)
        {
            return Results.NotFound();
        }
        if (!File.Exists(output.Path))
        {
            return Results.StatusCode(StatusCodes.Status410Gone);
        }
        var described = ExportMessages.ToExport(job).Output;
        return Results.File(output.Path, described.ContentType, described.FileName, lastModified: job.FinishedAt,
            entityTag: new EntityTagHeaderValue($"\"{output.Sha256}\""), enableRangeProcessing: true);
    }
}
