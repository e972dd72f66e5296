using GrpcExports.Protocol.V1;

namespace GrpcExports.Server.Assets.Storage;

/// <summary>One row of the assets table.</summary>
internal sealed record AssetRow(Guid AssetId, string OwnerId, Guid? ProjectId, string FileName, string MediaType, AssetKind Kind,
    long SizeBytes, string Sha256, MediaInfo Media, DateTimeOffset CreatedAt);
