using System.Globalization;
using Google.Rpc;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Server.Assets.InUse;
using GrpcExports.Server.Errors;

namespace GrpcExports.Server.Assets;

/// <summary>The AssetService's errors, with the ErrorInfo metadata keys error_reason.proto lists for each reason.</summary>
internal static class AssetErrors
{
    public static RpcException NotFound(Guid assetId) =>
        ProductErrors.Create(StatusCode.NotFound, ErrorReason.AssetNotFound, $"There is no asset {assetId}.",
            new Dictionary<string, string> { ["assetId"] = assetId.ToString() });

    /// <summary>RESOURCE_EXHAUSTED / PAYLOAD_TOO_LARGE: the upload crossed (or declared a size over) the cap.</summary>
    public static RpcException TooLarge(long limitBytes) =>
        ProductErrors.Create(StatusCode.ResourceExhausted, ErrorReason.PayloadTooLarge,
            $"The upload is larger than the limit of {limitBytes.ToString(CultureInfo.InvariantCulture)} bytes (Assets:MaxUploadBytes).",
            new Dictionary<string, string> { ["limitBytes"] = limitBytes.ToString(CultureInfo.InvariantCulture), ["what"] = "upload" });

    /// <summary>INVALID_ARGUMENT / INVALID_FILE_NAME on <paramref name="field"/>.</summary>
    public static RpcException InvalidFileName(string field, string fileName, string description) =>
        ProductErrors.Create(StatusCode.InvalidArgument, ErrorReason.InvalidFileName, $"{field}: {description}",
            new Dictionary<string, string> { ["fileName"] = fileName },
            new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Description = description, Reason = "INVALID" } } });

    /// <summary>
    /// INVALID_ARGUMENT / UPLOAD_INCOMPLETE on <paramref name="field"/>: the stream broke the header-then-chunks framing
    /// ("header" missing first, "chunk" a header again) or its declared size ("header.size_bytes").
    /// </summary>
    public static RpcException Incomplete(string field, string description, long? declaredSize = null, long? receivedSize = null)
    {
        var metadata = new Dictionary<string, string>();
        if (declaredSize is { } declared)
        {
            metadata["declaredSize"] = declared.ToString(CultureInfo.InvariantCulture);
        }
        if (receivedSize is { } received)
        {
            metadata["receivedSize"] = received.ToString(CultureInfo.InvariantCulture);
        }
        return ProductErrors.Create(StatusCode.InvalidArgument, ErrorReason.UploadIncomplete, description, metadata,
            new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Description = description, Reason = "INCOMPLETE" } } });
    }

    public static RpcException ChecksumMismatch(string declaredSha256, string actualSha256) =>
        ProductErrors.Create(StatusCode.InvalidArgument, ErrorReason.ChecksumMismatch,
            $"The received bytes have the SHA-256 {actualSha256}, not the declared {declaredSha256}.",
            new Dictionary<string, string> { ["declaredSha256"] = declaredSha256, ["actualSha256"] = actualSha256 },
            new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = "header.sha256", Description = "does not match the bytes received", Reason = "MISMATCH" } } });

    /// <summary>INVALID_ARGUMENT / MEDIA_TYPE_MISMATCH: the bytes are some other media than the header claims.</summary>
    public static RpcException TypeMismatch(string claimedType, string detectedType) =>
        ProductErrors.Create(StatusCode.InvalidArgument, ErrorReason.MediaTypeMismatch,
            $"The file was sent as {claimedType} but its content is {detectedType}.",
            new Dictionary<string, string> { ["claimedType"] = claimedType, ["detectedType"] = detectedType },
            new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = "header.media_type", Description = $"the content is {detectedType}", Reason = "MISMATCH" } } });

    /// <summary>INVALID_ARGUMENT / MEDIA_UNREADABLE: the bytes cannot be read as the media claimed (empty, truncated, corrupt).</summary>
    public static RpcException Unreadable(string fileName, string mediaType, string cause) =>
        ProductErrors.Create(StatusCode.InvalidArgument, ErrorReason.MediaUnreadable,
            $"'{fileName}' cannot be read as {mediaType}: {cause}",
            new Dictionary<string, string> { ["fileName"] = fileName });

    /// <summary>FAILED_PRECONDITION / ASSET_IN_USE listing every project version and active export that references the asset.</summary>
    public static RpcException InUse(Guid assetId, AssetUsers users)
    {
        var failure = new PreconditionFailure();
        failure.Violations.Add(users.Projects.Select(p => new PreconditionFailure.Types.Violation
        {
            Type = "PROJECT",
            Subject = $"{p.ProjectId}@{p.Version.ToString(CultureInfo.InvariantCulture)}",
            Description = $"version {p.Version.ToString(CultureInfo.InvariantCulture)} of project {p.ProjectId} references the asset",
        }));
        failure.Violations.Add(users.Exports.Select(exportId => new PreconditionFailure.Types.Violation
        {
            Type = "EXPORT",
            Subject = exportId.ToString(),
            Description = $"export {exportId} is queued or rendering and reads the asset",
        }));
        var referrers = users.Projects.Select(p => $"project {p.ProjectId}").Concat(users.Exports.Select(e => $"export {e}")).ToList();
        return ProductErrors.Create(StatusCode.FailedPrecondition, ErrorReason.AssetInUse,
            $"Asset {assetId} is in use by {string.Join(", ", referrers)}. Remove it from the projects and wait for (or cancel) the exports first.",
            new Dictionary<string, string>
            {
                ["assetId"] = assetId.ToString(),
                ["projectIds"] = string.Join(",", users.Projects.Select(p => p.ProjectId)),
                ["exportIds"] = string.Join(",", users.Exports),
            },
            failure);
    }
}
