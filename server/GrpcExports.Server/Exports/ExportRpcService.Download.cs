using Google.Protobuf;
using GrpcExports.Grpc.Calls;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Exports.Requests;
using GrpcExports.Server.Projects;
using GrpcExports.Server.Security.Authentication;

namespace GrpcExports.Server.Exports;

internal sealed partial class ExportRpcService
{
    private const int DefaultChunkSize = 1024 * 1024, MinChunkSize = 16 * 1024, MaxChunkSize = 2 * 1024 * 1024;

    /// <summary>A succeeded export's file: its size and SHA-256 first, then its bytes from the requested offset in order.</summary>
    public async Task DownloadExport(DownloadExportRequest request, IServerStreamWriter<DownloadExportResponse> responses, ServerCallContext context)
    {
        var exportId = ExportIds.Parse(request.ExportId);
        var chunkSize = request.ChunkSize == 0 ? DefaultChunkSize : request.ChunkSize;
        if (chunkSize is < MinChunkSize or > MaxChunkSize)
        {
            throw ProjectErrors.InvalidRequest("chunk_size", $"A chunk is {MinChunkSize}..{MaxChunkSize} bytes (0 means {DefaultChunkSize}).");
        }
        if (request.Offset < 0)
        {
            throw ProjectErrors.InvalidRequest("offset", "The offset is the number of bytes already saved: 0 or more.");
        }
        var job = await jobs.GetAsync(exportId, context.Caller().UserId, context.CancellationToken) ?? throw ExportErrors.NotFound(exportId);
        if (job.Status != ExportStatus.Succeeded || job.Output is not { } output)
        {
            throw ExportErrors.NotReady(exportId, job.Status);
        }
        FileStream file;
        try
        {
            file = new FileStream(output.Path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 1, useAsync: true);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            throw ExportErrors.OutputExpired(exportId);
        }
        await using (file)
        {
            if (request.Offset > file.Length)
            {
                throw ExportErrors.OffsetOutOfRange(request.Offset, file.Length);
            }
            var export = ExportMessages.ToExport(job);
            await responses.WriteAsync(new DownloadExportResponse
            {
                Info = new ExportDownloadInfo
                {
                    ContentType = export.Output.ContentType,
                    SizeBytes = output.SizeBytes,
                    Sha256 = output.Sha256,
                    FileName = export.Output.FileName,
                    Offset = request.Offset,
                },
            });
            file.Position = request.Offset;
            var buffer = new byte[chunkSize];
            int read;
            while ((read = await file.ReadAtLeastAsync(buffer, chunkSize, throwOnEndOfStream: false, context.CancellationToken)) > 0)
            {
                await responses.WriteAsync(new DownloadExportResponse { Chunk = ByteString.CopyFrom(buffer, 0, read) });
            }
        }
    }
}
