using System.Globalization;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Assets.MediaTypes;
using GrpcExports.Server.Projects;

namespace GrpcExports.Server.Assets.Upload;

/// <summary>
/// Turns an UploadAsset header into an <see cref="UploadClaim"/>, or the error naming the first offending field:
/// the file name (INVALID_FILE_NAME, also for an extension that is not accepted or does not go with the media type),
/// the media type, the project id, the declared size (PAYLOAD_TOO_LARGE over the cap) and the declared SHA-256.
/// </summary>
internal static class UploadHeaderCheck
{
    public static UploadClaim Check(AssetUploadHeader header, long maxUploadBytes)
    {
        var fileName = header.FileName;
        if (AssetFileName.Problem(fileName) is { } problem)
        {
            throw AssetErrors.InvalidFileName("header.file_name", fileName, problem);
        }
        var extension = Path.GetExtension(fileName);
        var byExtension = MediaTypeCatalog.ByExtension(extension);
        AcceptedMediaType type;
        if (string.IsNullOrEmpty(header.MediaType))
        {
            type = byExtension ?? throw AssetErrors.InvalidFileName("header.file_name", fileName,
                $"The extension '{extension}' is not one UploadAsset accepts ({MediaTypeCatalog.Extensions}).");
        }
        else
        {
            type = MediaTypeCatalog.ByMediaType(header.MediaType) ?? throw ProjectErrors.InvalidRequest("header.media_type",
                $"'{header.MediaType}' is not a media type UploadAsset accepts ({string.Join(", ", MediaTypeCatalog.All.Select(t => t.MediaType))}).");
            if (!type.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
            {
                throw AssetErrors.InvalidFileName("header.file_name", fileName,
                    $"A {type.MediaType} file name ends with {string.Join(" or ", type.Extensions)}, not '{extension}'.");
            }
        }
        Guid? projectId = string.IsNullOrEmpty(header.ProjectId) ? null : ProjectRequests.ProjectId(header.ProjectId, "header.project_id");
        if (header.SizeBytes < 0)
        {
            throw ProjectErrors.InvalidRequest("header.size_bytes", "A declared size is 0 (unknown) or more.");
        }
        if (header.SizeBytes > maxUploadBytes)
        {
            throw AssetErrors.TooLarge(maxUploadBytes);
        }
        var sha256 = header.Sha256;
        if (sha256.Length != 0 && (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigit)))
        {
            throw ProjectErrors.InvalidRequest("header.sha256", "A declared SHA-256 is 64 hexadecimal characters (or empty when unknown).");
        }
        return new UploadClaim(fileName, type, projectId, header.SizeBytes == 0 ? null : header.SizeBytes,
            sha256.Length == 0 ? null : sha256.ToLower(CultureInfo.InvariantCulture));
    }
}
