using Google.Protobuf;
using GrpcExports.Client;
using GrpcExports.Protocol.V1;

namespace GrpcExports.Tests.ProjectFiles;

/// <summary>The project-file RPCs through our client: a whole file out of ExportProjectFile, a file streamed into the other two.</summary>
internal static class ProjectFileCalls
{
    public const int ChunkSize = 256 * 1024;

    public static async Task<(ProjectFileInfo Info, byte[] Bytes)> ExportFileAsync(this ProjectServiceClient projects, string projectId,
        bool includeAssets, long version = 0)
    {
        ProjectFileInfo? info = null;
        using var bytes = new MemoryStream();
        await foreach (var message in projects.ExportProjectFileAsync(new ExportProjectFileRequest { ProjectId = projectId, IncludeAssets = includeAssets, Version = version }))
        {
            if (message.PayloadCase == ExportProjectFileResponse.PayloadOneofCase.Info)
            {
                Assert.Null(info);
                info = message.Info;
            }
            else
            {
                Assert.NotNull(info);
                Assert.InRange(message.Chunk.Length, 1, 1024 * 1024);
                message.Chunk.WriteTo(bytes);
            }
        }
        Assert.NotNull(info);
        return (info, bytes.ToArray());
    }

    public static Task<ImportProjectFileResponse> ImportFileAsync(this ProjectServiceClient projects, byte[] file, string fileName = "project.gxproj",
        long sizeBytes = 0, string sha256 = "", string title = "", CallOptions? options = null) =>
        projects.ImportChunksAsync(new ImportProjectFileHeader { FileName = fileName, SizeBytes = sizeBytes, Sha256 = sha256, Title = title }, file.Chunk(ChunkSize),
            options);

    public static async Task<ImportProjectFileResponse> ImportChunksAsync(this ProjectServiceClient projects, ImportProjectFileHeader header,
        IEnumerable<byte[]> chunks, CallOptions? options = null)
    {
        using var call = projects.ImportProjectFileAsync(options);
        try
        {
            await call.RequestStream.WriteAsync(new ImportProjectFileRequest { Header = header });
            foreach (var chunk in chunks)
            {
                await call.RequestStream.WriteAsync(new ImportProjectFileRequest { Chunk = ByteString.CopyFrom(chunk) });
            }
            await call.RequestStream.CompleteAsync();
        }
        catch (GrpcExports.Protocol.Wire.RpcException)
        {
            // The server refused before the last chunk (a cap crossed): its status is the response's.
        }
        return await call.ResponseAsync;
    }

    public static async Task<ValidateProjectFileResponse> ValidateFileAsync(this ProjectServiceClient projects, byte[] file, string fileName = "project.gxproj")
    {
        using var call = projects.ValidateProjectFileAsync();
        await call.RequestStream.WriteAsync(new ValidateProjectFileRequest { Header = new ValidateProjectFileHeader { FileName = fileName, SizeBytes = file.Length } });
        foreach (var chunk in file.Chunk(ChunkSize))
        {
            await call.RequestStream.WriteAsync(new ValidateProjectFileRequest { Chunk = ByteString.CopyFrom(chunk) });
        }
        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }
}
