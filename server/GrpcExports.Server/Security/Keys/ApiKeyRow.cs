using GrpcExports.Protocol.V1;

namespace GrpcExports.Server.Security.Keys;

/// <summary>One row of api_keys (Database/Migrations/0010_api_keys_and_audit.sql); the secret's hash stays in the database.</summary>
internal sealed record ApiKeyRow(
    Guid ApiKeyId,
    string UserId,
    string Name,
    AccessTier Tier,
    string SecretPrefix,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? ExpiresAt)
{
    public bool IsExpired(DateTimeOffset now) => ExpiresAt is { } expiry && expiry <= now;

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && !IsExpired(now);
}
