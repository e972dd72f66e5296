using GrpcExports.Protocol.V1;
using GrpcExports.Server.Events;

namespace GrpcExports.Server.Security.Authentication;

/// <summary>Who is calling: the user the call's API key acts as, the key, and the key's tier.</summary>
internal sealed record Caller(string UserId, Guid ApiKeyId, string ApiKeyName, AccessTier Tier, string UserAgent)
{
    /// <summary>The actor recorded on the project events this call appends.</summary>
    public EventActor EventActor => new(UserId, ApiKeyId.ToString(), ApiKeyName);

    /// <summary>The actor recorded on the audit entries of this call.</summary>
    public Actor Actor => new() { UserId = UserId, ApiKeyId = ApiKeyId.ToString(), ApiKeyName = ApiKeyName, UserAgent = UserAgent };
}
