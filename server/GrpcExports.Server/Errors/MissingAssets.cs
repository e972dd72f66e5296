using Google.Rpc;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;

namespace GrpcExports.Server.Errors;

/// <summary>FAILED_PRECONDITION / ASSETS_MISSING: the document's assets (keys in its <c>assets</c>) that cannot be found.</summary>
internal static class MissingAssets
{
    public static RpcException Error(string what, IReadOnlyList<string> assetKeys, string description) =>
        ProductErrors.Create(StatusCode.FailedPrecondition, ErrorReason.AssetsMissing,
            $"{what} needs asset(s) that cannot be found: {string.Join(", ", assetKeys)}.",
            new Dictionary<string, string> { ["assetKeys"] = string.Join(",", assetKeys) },
            new PreconditionFailure
            {
                Violations = { assetKeys.Select(key => new PreconditionFailure.Types.Violation { Type = "ASSET", Subject = key, Description = description }) },
            });
}
