using Google.Protobuf.WellKnownTypes;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Assets.Storage;

namespace GrpcExports.Server.Assets;

internal static class AssetMessages
{
    public static Asset ToAsset(AssetRow row) => new()
    {
        Id = row.AssetId.ToString(),
        FileName = row.FileName,
        MediaType = row.MediaType,
        Kind = row.Kind,
        SizeBytes = row.SizeBytes,
        Sha256 = row.Sha256,
        Media = row.Media,
        ProjectId = row.ProjectId?.ToString() ?? "",
        OwnerId = row.OwnerId,
        CreateTime = Timestamp.FromDateTimeOffset(row.CreatedAt),
    };
}
