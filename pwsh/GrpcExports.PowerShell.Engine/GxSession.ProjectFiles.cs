using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using GrpcExports.PowerShell.Output;
using GrpcExports.Protocol.V1;

namespace GrpcExports.PowerShell.Engine;

/// <summary>ProjectService's project file and thumbnail calls: files written and read in chunks.</summary>
internal sealed partial class GxSession
{
    public Task<GxProjectThumbnail> GetProjectThumbnailAsync(ThumbnailRequest thumbnail, string filePath, CancellationToken cancellationToken) => Translated(async () =>
    {
        var request = new GetProjectThumbnailRequest
        {
            ProjectId = thumbnail.Id,
            Version = thumbnail.Version,
            Time = thumbnail.Time is { } time ? Duration.FromTimeSpan(time) : null,
            Width = thumbnail.Width,
            Format = string.Equals(thumbnail.Format, "Jpeg", StringComparison.OrdinalIgnoreCase) ? ImageFormat.Jpeg : ImageFormat.Png,
            FrameCount = thumbnail.FrameCount,
        };
        var response = await _projects.GetProjectThumbnailAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
        await File.WriteAllBytesAsync(filePath, response.Image.ToByteArray(), cancellationToken).ConfigureAwait(false);
        return new GxProjectThumbnail(thumbnail.Id, response.ProjectVersion, filePath, response.ContentType, response.Width, response.Height,
            response.Image.Length, response.FrameTimes.Select(frameTime => frameTime.ToTimeSpan()).ToArray());
    });

    public async IAsyncEnumerable<TransferStep<GxProjectFile>> ExportProjectFileAsync(string id, long version, bool includeAssets, string filePath,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var complete = false;
        var file = new FileStream(filePath, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16, useAsync: true);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var call = _projects.ExportProjectFileAsync(
                new ExportProjectFileRequest { ProjectId = id, Version = version, IncludeAssets = includeAssets }, cancellationToken: cancellationToken);
            await using var messages = call.GetAsyncEnumerator(cancellationToken);
            var info = (await NextAsync(messages).ConfigureAwait(false))?.Info
                ?? throw new InvalidDataException($"The project file of project {id} did not start with its size and checksum.");
            long done = 0;
            yield return new TransferStep<GxProjectFile>(done, info.SizeBytes, null);
            while (await NextAsync(messages).ConfigureAwait(false) is { } message)
            {
                var chunk = message.Chunk.Memory;
                await file.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
                hash.AppendData(chunk.Span);
                done += chunk.Length;
                yield return new TransferStep<GxProjectFile>(done, info.SizeBytes, null);
            }
            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            var sha256 = Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
            if (done != info.SizeBytes || sha256 != info.Sha256)
            {
                throw new InvalidDataException(
                    $"{filePath} does not match the project file of project {id} ({done} bytes with SHA-256 {sha256}, expected {info.SizeBytes} bytes with {info.Sha256}); it was deleted: export it again.");
            }
            complete = true;
            yield return new TransferStep<GxProjectFile>(done, info.SizeBytes,
                new GxProjectFile(id, info.ProjectVersion, filePath, done, sha256, info.FormatVersion, info.IncludesAssets));
        }
        finally
        {
            await file.DisposeAsync().ConfigureAwait(false);
            // A partial or corrupt project file is of no use: it cannot be resumed.
            if (!complete)
            {
                File.Delete(filePath);
            }
        }
    }

    public async IAsyncEnumerable<TransferStep<GxProjectImport>> ImportProjectFileAsync(string filePath,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sha256 = await Sha256Async(filePath, cancellationToken).ConfigureAwait(false);
        await using var file = new FileStream(filePath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        var total = file.Length;
        using var call = _projects.ImportProjectFileAsync(cancellationToken: cancellationToken);
        var header = new ImportProjectFileHeader { FileName = Path.GetFileName(filePath), SizeBytes = total, Sha256 = sha256 };
        await Translated(() => call.RequestStream.WriteAsync(new ImportProjectFileRequest { Header = header }, cancellationToken)).ConfigureAwait(false);
        yield return new TransferStep<GxProjectImport>(0, total, null);
        var buffer = new byte[UploadChunkSize];
        long sent = 0;
        int read;
        while ((read = await file.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            var chunk = ByteString.CopyFrom(buffer, 0, read);
            await Translated(() => call.RequestStream.WriteAsync(new ImportProjectFileRequest { Chunk = chunk }, cancellationToken)).ConfigureAwait(false);
            sent += read;
            yield return new TransferStep<GxProjectImport>(sent, total, null);
        }
        await Translated(() => call.RequestStream.CompleteAsync()).ConfigureAwait(false);
        var response = await Translated(() => call.ResponseAsync).ConfigureAwait(false);
        yield return new TransferStep<GxProjectImport>(sent, total, new GxProjectImport(ProjectOutputs.Project(response.Project),
            response.AssetsUploaded, response.AssetsRelinked, response.MissingAssetKeys.ToArray()));
    }

    public Task<GxProjectFileCheck> ValidateProjectFileAsync(string filePath, CancellationToken cancellationToken) => Translated(async () =>
    {
        await using var file = new FileStream(filePath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        using var call = _projects.ValidateProjectFileAsync(cancellationToken: cancellationToken);
        var header = new ValidateProjectFileHeader { FileName = Path.GetFileName(filePath), SizeBytes = file.Length };
        await call.RequestStream.WriteAsync(new ValidateProjectFileRequest { Header = header }, cancellationToken).ConfigureAwait(false);
        var buffer = new byte[UploadChunkSize];
        int read;
        while ((read = await file.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await call.RequestStream.WriteAsync(new ValidateProjectFileRequest { Chunk = ByteString.CopyFrom(buffer, 0, read) }, cancellationToken)
                .ConfigureAwait(false);
        }
        await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        var response = await call.ResponseAsync.ConfigureAwait(false);
        var summary = response.Summary is { } found
            ? new GxProjectFileSummary(found.FormatVersion, found.Title, found.Description, found.SourceProjectId, found.SourceProjectVersion,
                ProjectOutputs.Time(found.CreateTime), found.Fps, found.IncludedAssetCount, found.IncludedAssetBytes)
            : null;
        return new GxProjectFileCheck(filePath, response.Valid, summary?.FormatVersion ?? 0, summary,
            response.FileProblems.Select(problem => new GxProjectFileProblem(problem.Entry, problem.Code, problem.Message)).ToArray(),
            response.EditorStateViolations.Select(violation => new GxEditorStateViolation(
                violation.Path, violation.Kind.ToString(), violation.Severity.ToString(), violation.Message)).ToArray());
    });

    private static async Task<string> Sha256Async(string filePath, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(filePath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, useAsync: true);
        return Convert.ToHexString(await SHA256.HashDataAsync(file, cancellationToken).ConfigureAwait(false)).ToLowerInvariant();
    }
}
