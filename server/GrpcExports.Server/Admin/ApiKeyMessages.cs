using Google.Protobuf.WellKnownTypes;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Security.Keys;

namespace GrpcExports.Server.Admin;

internal static class ApiKeyMessages
{
    public static ApiKey ToApiKey(ApiKeyRow row)
    {
        var key = new ApiKey
        {
            Id = row.ApiKeyId.ToString(),
            Name = row.Name,
            UserId = row.UserId,
            Tier = row.Tier,
            SecretPrefix = row.SecretPrefix,
            CreateTime = Timestamp.FromDateTimeOffset(row.CreatedAt),
        };
        if (row.LastUsedAt is { } used)
        {
            key.LastUseTime = Timestamp.FromDateTimeOffset(used);
        }
        if (row.RevokedAt is { } revoked)
        {
            key.RevokeTime = Timestamp.FromDateTimeOffset(revoked);
        }
        if (row.ExpiresAt is { } expires)
        {
            key.ExpireTime = Timestamp.FromDateTimeOffset(expires);
        }
        return key;
    }
}
